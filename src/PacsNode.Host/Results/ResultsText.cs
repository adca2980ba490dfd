using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using PacsNode.StructuredReport.Tid1500;

namespace PacsNode.Host.Results;

/// <summary>The <c>results</c> output: a fixed-width lesion table (or the not-quantified reason), or the same as JSON.</summary>
internal static class ResultsText
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Table(string studyUid, StoredReport report, int versions)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"study {studyUid}: report {report.SopInstanceUid} of {Time(report.ContentDateTime) ?? "unknown time"}");
        text.Append(CultureInfo.InvariantCulture, $" ({versions} version{(versions == 1 ? string.Empty : "s")} stored");
        if (report.Predecessors.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"; replaces {string.Join(", ", report.Predecessors.Select(p => p.SopInstanceUid))}");
        }

        text.AppendLine(")");
        if (report.Algorithm is { } algorithm)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"algorithm: {algorithm.Name} {algorithm.Version}");
        }

        if (report.NotQuantified is { } reason)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"not quantified ({reason.Stage}, {reason.Reason}): {reason.Message}");
        }
        else
        {
            text.AppendLine("lesion    SUVmax  SUVmean  SUVpeak  SULpeak   MTV ml    TLG g     LBR  segment");
            foreach (LesionRow row in report.Groups.Select(LesionRow.From))
            {
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"{row.TrackingId,-8}{Cell(row.SuvMax, 8)}{Cell(row.SuvMean, 9)}{Cell(row.SuvPeak, 9)}{Cell(row.SulPeak, 9)}{Cell(row.MtvMl, 9)}{Cell(row.TlgG, 9)}{Cell(row.Lbr, 8)}  {Segment(row.Segment)}");
            }
        }

        foreach (string note in report.Notes)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"note: {note}");
        }

        return text.ToString();
    }

    public static string Json(string studyUid, StoredReport report, int versions)
    {
        var document = new JsonObject
        {
            ["studyInstanceUid"] = studyUid,
            ["sopInstanceUid"] = report.SopInstanceUid,
            ["seriesInstanceUid"] = report.SeriesInstanceUid,
            ["contentDateTime"] = Time(report.ContentDateTime),
            ["versionsStored"] = versions,
            ["predecessors"] = new JsonArray([.. report.Predecessors.Select(p => (JsonNode?)p.SopInstanceUid)]),
            ["algorithm"] = report.Algorithm is { } a
                ? new JsonObject
                {
                    ["name"] = a.Name,
                    ["version"] = a.Version,
                    ["parameters"] = new JsonObject(a.Parameters.Select(p => KeyValuePair.Create(p.Name, (JsonNode?)p.Value))),
                }
                : null,
            ["notQuantified"] = report.NotQuantified is { } r
                ? new JsonObject { ["stage"] = r.Stage, ["reason"] = r.Reason, ["message"] = r.Message }
                : null,
            ["lesions"] = new JsonArray([.. report.Groups.Select(LesionRow.From).Select(Row)]),
            ["notes"] = new JsonArray([.. report.Notes.Select(n => (JsonNode?)n)]),
        };
        return document.ToJsonString(Indented);
    }

    private static JsonNode Row(LesionRow row) => new JsonObject
    {
        ["trackingId"] = row.TrackingId,
        ["trackingUid"] = row.TrackingUid,
        ["suvMax"] = row.SuvMax,
        ["suvMean"] = row.SuvMean,
        ["suvPeak"] = row.SuvPeak,
        ["sulPeak"] = row.SulPeak,
        ["mtvMl"] = row.MtvMl,
        ["tlgG"] = row.TlgG,
        ["lbr"] = row.Lbr,
        ["segment"] = row.Segment is { } s ? new JsonObject { ["sopInstanceUid"] = s.SopInstanceUid, ["segmentNumber"] = s.SegmentNumber } : null,
    };

    private static string Cell(double? value, int width) =>
        (value is { } v ? v.ToString("0.###", CultureInfo.InvariantCulture) : "-").PadLeft(width);

    private static string Segment(SegmentReference? segment) =>
        segment is null ? "-" : string.Create(CultureInfo.InvariantCulture, $"#{segment.SegmentNumber} of {segment.SopInstanceUid}");

    private static string? Time(DateTimeOffset? time) => time?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
