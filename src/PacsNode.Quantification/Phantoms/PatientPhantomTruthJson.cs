using System.Globalization;
using System.Text.Json;

namespace PacsNode.Quantification.Phantoms;

/// <summary>Writes <c>patient-truth.json</c> (format "pacsnode-patient-phantom-truth/1"; shape in the README).</summary>
public static class PatientPhantomTruthJson
{
    public const string Format = "pacsnode-patient-phantom-truth/1";

    public static byte[] Serialize(PatientPhantomTruth truth, PhantomTruth baseline, PhantomTruth her2, PhantomTruth followUp)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(her2);
        ArgumentNullException.ThrowIfNull(followUp);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("format", Format);
            w.WriteString("patientId", truth.PatientId);
            w.WriteStartObject("studies");
            Study(w, "baseline", PatientPhantomGenerator.BaselineFolder, baseline, (0, 0, 0), 0);
            Study(w, "her2", PatientPhantomGenerator.Her2Folder, her2, truth.Her2ShiftMm, truth.Her2RotationZDegrees);
            Study(w, "followUp", PatientPhantomGenerator.FollowUpFolder, followUp, truth.FollowUpShiftMm, truth.FollowUpRotationZDegrees);
            w.WriteEndObject();
            w.WriteStartArray("lesions");
            foreach (PatientPhantomLesionTruth l in truth.Lesions)
            {
                PatientPhantomLesion d = l.Design;
                w.WriteStartObject();
                w.WriteString("name", d.Name);
                w.WriteString("match", d.Match);
                w.WriteNumber("diameterMm", d.DiameterMm);
                Centre(w, "baselineCentreMm", l.BaselineCentreMm);
                Centre(w, "her2CentreMm", l.Her2CentreMm);
                Centre(w, "followUpCentreMm", l.FollowUpCentreMm);
                Number(w, "baselineSuv", d.BaselineSuv);
                Number(w, "her2Suv", d.BaselineSuv is null ? null : d.Her2Suv ?? her2.Spec.BackgroundSuv);
                Number(w, "followUpSuv", d.FollowUpSuv);
                w.WriteString("her2Class", d.Her2Class);
                w.WriteString("her2Status", d.Her2Status);
                w.WriteString("eortc", d.Eortc);
                w.WriteString("zephirGroup", d.Group);
                w.WriteString("reasoning", d.Reasoning);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteString("her2Pattern", truth.Her2Pattern);
            w.WriteString("her2Status", truth.Her2Status);
            w.WriteString("percist", truth.Percist);
            w.WriteString("zephirGroup", truth.ZephirGroup);
            w.WriteBoolean("predictsTreatmentFailure", truth.ZephirGroup == "NEG-NORESP");
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void Study(Utf8JsonWriter w, string name, string folder, PhantomTruth t, (double X, double Y, double Z) shift, double rotationZDegrees)
    {
        w.WriteStartObject(name);
        w.WriteString("folder", folder);
        w.WriteString("tracer", t.Spec.Tracer == PhantomTracer.Zr89 ? "zr89" : "fdg");
        w.WriteString("studyInstanceUid", t.StudyInstanceUid);
        w.WriteString("frameOfReferenceUid", t.FrameOfReferenceUid);
        w.WriteString("scanStart", t.Spec.ScanStart.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture));
        Centre(w, "shiftMm", shift);
        w.WriteNumber("rotationZDegrees", rotationZDegrees);
        w.WriteEndObject();
    }

    private static void Centre(Utf8JsonWriter w, string name, (double X, double Y, double Z)? c)
    {
        if (c is not { } v)
        {
            w.WriteNull(name);
            return;
        }

        w.WriteStartArray(name);
        w.WriteNumberValue(Math.Round(v.X, 6));
        w.WriteNumberValue(Math.Round(v.Y, 6));
        w.WriteNumberValue(Math.Round(v.Z, 6));
        w.WriteEndArray();
    }

    private static void Number(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
