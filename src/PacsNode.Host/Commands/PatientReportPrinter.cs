using System.Globalization;
using System.Text;
using System.Text.Json;
using PacsNode.Quantification.Assessment;
using PacsNode.StructuredReport.Tid1500;

namespace PacsNode.Host.Commands;

/// <summary>
/// Prints a patient report as read back from the store (never the assessment in memory): the document-level codes, then
/// each lesion by Tracking Identifier with its time points, their measurements and codes, then the notes. Codes are
/// printed as their 99PACSNODE values (HER2-3, POS, C, PMR, NEG-NORESP …).
/// </summary>
internal static class PatientReportPrinter
{
    public static string Text(string patientId, StoredReport report)
    {
        IFormatProvider inv = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(inv, $"patient {patientId}: report {report.SopInstanceUid} in study {report.StudyInstanceUid}, {report.ContentDateTime:yyyy-MM-dd HH:mm:ss zzz}");
        foreach (var predecessor in report.Predecessors)
        {
            text.AppendLine(inv, $"  replaces {predecessor.SopInstanceUid}");
        }

        foreach (QualitativeEvaluation e in report.Evaluations)
        {
            text.AppendLine(inv, $"{e.Concept.Value}: {e.Value.Value} ({e.Value.Meaning})");
        }

        foreach (IGrouping<string, StoredMeasurementGroup> lesion in Lesions(report))
        {
            text.AppendLine(inv, $"{lesion.Key} {lesion.First().TrackingUid}");
            foreach (StoredMeasurementGroup g in lesion)
            {
                text.Append(inv, $"  {g.TimePoint ?? "(no time point)"}:");
                foreach (Measurement m in g.Measurements)
                {
                    text.Append(inv, $" {Name(m)} {m.Value:0.###} {m.Unit.Value};");
                }

                foreach (QualitativeEvaluation e in g.Evaluations)
                {
                    text.Append(inv, $" {e.Concept.Value} {e.Value.Value};");
                }

                text.AppendLine();
            }
        }

        foreach (string note in report.Notes)
        {
            text.AppendLine(inv, $"note: {note}");
        }

        return text.ToString();
    }

    public static string Json(string patientId, StoredReport report)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("patientId", patientId);
            json.WriteString("sopInstanceUid", report.SopInstanceUid);
            json.WriteString("studyInstanceUid", report.StudyInstanceUid);
            json.WriteString("contentDateTime", report.ContentDateTime?.ToString("O", CultureInfo.InvariantCulture));
            json.WriteStartArray("predecessors");
            foreach (var predecessor in report.Predecessors)
            {
                json.WriteStringValue(predecessor.SopInstanceUid);
            }

            json.WriteEndArray();
            WriteEvaluations(json, "evaluations", report.Evaluations);
            json.WriteStartArray("lesions");
            foreach (IGrouping<string, StoredMeasurementGroup> lesion in Lesions(report))
            {
                json.WriteStartObject();
                json.WriteString("trackingIdentifier", lesion.Key);
                json.WriteString("trackingUid", lesion.First().TrackingUid);
                json.WriteStartArray("timePoints");
                foreach (StoredMeasurementGroup g in lesion)
                {
                    json.WriteStartObject();
                    json.WriteString("timePoint", g.TimePoint);
                    json.WriteString("sourceSeriesInstanceUid", g.SourceSeriesInstanceUid);
                    json.WriteStartObject("measurements");
                    foreach (Measurement m in g.Measurements)
                    {
                        json.WriteNumber(Name(m), m.Value);
                    }

                    json.WriteEndObject();
                    WriteEvaluations(json, "evaluations", g.Evaluations);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("notes");
            foreach (string note in report.Notes)
            {
                json.WriteStringValue(note);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static IEnumerable<IGrouping<string, StoredMeasurementGroup>> Lesions(StoredReport report) =>
        report.Groups.GroupBy(g => g.TrackingIdentifier ?? string.Empty, StringComparer.Ordinal);

    /// <summary>The concept's meaning with its derivation, e.g. "SUVbw Maximum".</summary>
    private static string Name(Measurement m) => m.Derivation is null ? m.Concept.Meaning : m.Concept.Meaning + " " + m.Derivation.Meaning;

    /// <summary>The 99PACSNODE evaluations as "CONCEPT": "VALUE".</summary>
    private static void WriteEvaluations(Utf8JsonWriter json, string name, IReadOnlyList<QualitativeEvaluation> evaluations)
    {
        json.WriteStartObject(name);
        foreach (QualitativeEvaluation e in evaluations.Where(e => e.Concept.Scheme == AssessmentCodes.Scheme))
        {
            json.WriteString(e.Concept.Value, e.Value.Value);
        }

        json.WriteEndObject();
    }
}
