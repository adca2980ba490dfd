using System.Diagnostics.CodeAnalysis;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;

namespace PacsNode.Quantification.Suv;

/// <summary>
/// All slices of a series must agree on the series-level attributes SUV depends on (DOMAIN.md section 2);
/// disagreement is an error, never a silent pick of one slice's value.
/// </summary>
internal static class SeriesConsistency
{
    private static readonly (DicomTag Tag, string Name, bool Numeric)[] TopLevel =
    [
        (DicomTag.Units, "Units (0054,1001)", false),
        (DicomTag.DecayCorrection, "DecayCorrection (0054,1102)", false),
        (DicomTag.SUVType, "SUVType (0054,1006)", false),
        (DicomTag.CorrectedImage, "CorrectedImage (0028,0051)", false),
        (DicomTag.PatientWeight, "PatientWeight (0010,1030)", true),
        (DicomTag.PatientSize, "PatientSize (0010,1020)", true),
        (DicomTag.PatientSex, "PatientSex (0010,0040)", false),
        (DicomTag.SeriesDate, "SeriesDate (0008,0021)", false),
        (DicomTag.SeriesTime, "SeriesTime (0008,0031)", false),
    ];

    private static readonly (DicomTag Tag, string Name, bool Numeric)[] Radiopharmaceutical =
    [
        (DicomTag.RadionuclideTotalDose, "RadionuclideTotalDose (0018,1074)", true),
        (DicomTag.RadionuclideHalfLife, "RadionuclideHalfLife (0018,1075)", true),
        (DicomTag.RadiopharmaceuticalStartTime, "RadiopharmaceuticalStartTime (0018,1072)", false),
        (DicomTag.RadiopharmaceuticalStartDateTime, "RadiopharmaceuticalStartDateTime (0018,1078)", false),
    ];

    public static bool TryCheck(IReadOnlyList<DicomDataset> slices, [NotNullWhen(false)] out SuvFailure? failure)
    {
        failure = null;
        DicomDataset first = slices[0];
        DicomDataset firstItem = SuvHeader.Radiopharmaceutical(first) ?? new DicomDataset();
        DateTime? firstGe = SuvHeader.GeScanDateTime(first);
        for (int i = 1; i < slices.Count; i++)
        {
            DicomDataset slice = slices[i];
            string? disagreement = FirstDifference(first, slice, TopLevel)
                ?? FirstDifference(firstItem, SuvHeader.Radiopharmaceutical(slice) ?? new DicomDataset(), Radiopharmaceutical);
            if (disagreement is null && SuvHeader.GeScanDateTime(slice) != firstGe)
            {
                disagreement = "the GE private scan time (GEMS_PETD_01 xx0D)";
            }

            if (disagreement is not null)
            {
                failure = new SuvFailure(
                    SuvFailureReason.InconsistentSeries,
                    $"{SuvHeader.Label(slice, i)} disagrees with {SuvHeader.Label(first, 0)} on {disagreement}");
                return false;
            }
        }

        return true;
    }

    private static string? FirstDifference(DicomDataset a, DicomDataset b, (DicomTag Tag, string Name, bool Numeric)[] tags)
    {
        foreach ((DicomTag tag, string name, bool numeric) in tags)
        {
            string? left = a.GetString(tag)?.Trim();
            string? right = b.GetString(tag)?.Trim();
            bool same = numeric && a.TryGetDouble(tag, out double x) && b.TryGetDouble(tag, out double y)
                ? x == y
                : string.Equals(left ?? string.Empty, right ?? string.Empty, StringComparison.Ordinal);
            if (!same)
            {
                return $"{name}: '{left}' vs '{right}'";
            }
        }

        return null;
    }
}
