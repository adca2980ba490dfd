using System.Globalization;
using System.Text;
using PacsNode.Quantification.Phantoms;

namespace PacsNode.Host.Commands;

/// <summary>What <c>phantom --patient</c> prints: the three studies, the shifts and every lesion's expected results.</summary>
internal static class PhantomPatientText
{
    public static string Describe(PatientPhantomResult result)
    {
        var text = new StringBuilder();
        IFormatProvider inv = CultureInfo.InvariantCulture;
        PatientPhantomTruth truth = result.Truth;
        text.AppendLine(inv, $"patient {truth.PatientId}");
        foreach ((string visit, PhantomResult study) in new[] { ("baseline FDG", result.Baseline), ("HER2-PET 89Zr", result.Her2Pet), ("follow-up FDG", result.FollowUp) })
        {
            text.AppendLine(inv, $"  {visit}: {study.PetFiles} PET slices in {study.PetFolder}, study {study.Truth.StudyInstanceUid}, scan {study.Truth.Spec.ScanStart:yyyy-MM-dd HH:mm}");
        }

        text.AppendLine(inv, $"  shifts: HER2-PET {Triple(truth.Her2ShiftMm)} mm, follow-up {Triple(truth.FollowUpShiftMm)} mm");
        text.AppendLine(inv, $"  turns about the long axis: HER2-PET {truth.Her2RotationZDegrees:0.###}°, follow-up {truth.FollowUpRotationZDegrees:0.###}°");
        foreach (PatientPhantomLesionTruth l in truth.Lesions)
        {
            PatientPhantomLesion d = l.Design;
            text.AppendLine(inv, $"  {d.Name} ({d.Match}): HER2 {d.Her2Class ?? "-"} {d.Her2Status ?? "-"}, EORTC {d.Eortc ?? "-"}, group {d.Group ?? "-"}");
        }

        text.AppendLine(inv, $"  pattern {truth.Her2Pattern} ({truth.Her2Status}), PERCIST {truth.Percist}, ZEPHIR {truth.ZephirGroup}");
        text.AppendLine(inv, $"truth: {result.TruthPath}");
        return text.ToString();
    }

    private static string Triple((double X, double Y, double Z) v) =>
        string.Create(CultureInfo.InvariantCulture, $"({v.X:0.0#}, {v.Y:0.0#}, {v.Z:0.0#})");
}
