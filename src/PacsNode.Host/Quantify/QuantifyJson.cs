using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using PacsNode.Quantification.Lesions;
using PacsNode.Quantification.Suv;
using PacsNode.Quantification.Vois;
using PacsNode.Quantification.Volume;

namespace PacsNode.Host.Quantify;

/// <summary>
/// The <c>quantify --json</c> document (issue 4 part 6): <c>suv</c>, <c>liver</c>, <c>vois</c>, <c>candidates</c>
/// (automatic detection, every candidate with its rejection), <c>notes</c>, <c>accelerator</c>, <c>timingsMs</c>.
/// camelCase names; numbers are JSON numbers (invariant by definition); absent values are null.
/// </summary>
internal static class QuantifyJson
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(QuantifyResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var document = new JsonObject
        {
            ["suv"] = Suv(result.Factors!),
            ["liver"] = Liver(result.Liver!),
            ["vois"] = new JsonArray([.. result.Vois.Select(Voi)]),
            ["detection"] = result.Detection is { } d ? Detection(d) : null,
            ["notes"] = Strings(result.Notes),
            ["accelerator"] = result.Backend,
            ["timingsMs"] = new JsonObject(result.TimingsMs.Select(t => KeyValuePair.Create(t.Key, (JsonNode?)Number(Math.Round(t.Value, 1))))),
        };
        return document.ToJsonString(Indented);
    }

    private static JsonObject Suv(SuvFactors f)
    {
        double? bw = f.SeriesFactorBw;
        double? lbm = bw is { } b && f.NormaliserRatios.TryGetValue(SuvNormalisation.LeanBodyMassJanma, out double r) ? b * r : null;
        SuvProvenance p = f.Provenance;
        return new JsonObject
        {
            ["units"] = f.Units,
            ["factorBw"] = Number(bw),
            ["factorLbmJanma"] = Number(lbm),
            // DecayCorrection NONE (and per-slice doses) give one factor per slice, in the folder's file order.
            ["sliceFactorsBw"] = bw is null ? new JsonArray([.. f.Slices.Select(s => (JsonNode?)Number(s.FactorBw))]) : null,
            ["decayCorrection"] = p.DecayCorrection,
            ["referenceTime"] = Time(p.ReferenceTime),
            ["referenceTimeSource"] = p.ReferenceTimeSource.ToString(),
            ["injectionTime"] = Time(p.InjectionTime),
            ["injectionTimeSource"] = p.InjectionTimeSource.ToString(),
            ["doseBq"] = Number(p.DoseBq),
            ["halfLifeS"] = Number(p.HalfLifeSeconds),
            ["weightKg"] = Number(p.WeightKg),
            ["heightCm"] = Number(p.HeightCm),
            ["nuclide"] = p.Nuclide,
            ["notes"] = Strings(p.Notes),
            ["warnings"] = Strings(p.Warnings),
        };
    }

    private static JsonObject Liver(LiverSearch search)
    {
        if (!search.IsFound)
        {
            return new JsonObject { ["found"] = false, ["reason"] = search.Reason };
        }

        LiverReference l = search.Liver;
        return new JsonObject
        {
            ["found"] = true,
            ["automatic"] = l.Automatic,
            ["centreMm"] = Point(l.CentreMm),
            ["radiusMm"] = LiverReference.RadiusMm,
            ["suvMean"] = Number(l.SuvMean),
            ["suvSd"] = Number(l.SuvSd),
            ["sulMean"] = Number(l.SulMean),
            ["sulSd"] = Number(l.SulSd),
        };
    }

    private static JsonObject Voi(MeasuredVoi v)
    {
        VoiMetrics m = v.Metrics;
        return new JsonObject
        {
            ["id"] = v.Voi.Id,
            ["source"] = Source(v.Voi.Source),
            ["name"] = v.Voi.Name,
            ["voxels"] = m.VoxelCount,
            ["suvMax"] = Number(m.SuvMax),
            ["suvMaxMm"] = Point(m.SuvMaxMm),
            ["suvMean"] = Number(m.SuvMean),
            ["suvMin"] = Number(m.SuvMin),
            ["suvMedian"] = Number(m.SuvMedian),
            ["suvSd"] = Number(m.SuvSd),
            ["suvPeak"] = Number(m.SuvPeak),
            ["suvPeakCentreMm"] = Point(m.SuvPeakCentreMm),
            ["sulPeak"] = Number(m.SulPeak),
            ["sulPeakUnavailable"] = m.SulPeakUnavailableReason,
            ["mtvMl"] = Number(m.MtvMl),
            ["tlg"] = Number(m.Tlg),
            ["backgroundMean"] = Number(m.BackgroundMean),
            ["lbr"] = Number(m.Lbr),
        };
    }

    private static JsonObject Detection(LesionDetection d) => new()
    {
        ["thresholdSuv"] = Number(d.Threshold.Suv),
        ["thresholdSul"] = Number(d.Threshold.Sul),
        ["thresholdSource"] = d.Threshold.Source,
        ["voiMethod"] = d.Method.ToString(),
        ["candidates"] = new JsonArray([.. d.Candidates.Select(c => (JsonNode)new JsonObject
        {
            ["id"] = c.Id,
            ["accepted"] = c.Accepted,
            ["rejection"] = c.Rejection?.ToString(),
            ["reason"] = c.RejectionReason,
            ["seedMm"] = Point(c.SeedMm),
            ["seedSuv"] = Number(c.SeedSuv),
            ["suvPeak"] = Number(c.Metrics?.SuvPeak),
            ["mtvMl"] = Number(c.Metrics?.MtvMl),
        })]),
    };

    private static string Source(VoiSource source) => source switch
    {
        VoiSource.Auto => "auto",
        VoiSource.RtStruct => "rtstruct",
        _ => "seg",
    };

    private static JsonArray Point(PatientVector p) => [Number(p.X), Number(p.Y), Number(p.Z)];

    private static JsonArray Strings(IEnumerable<string> values) => [.. values.Select(v => (JsonNode?)v)];

    private static string? Time(DateTime? time) => time?.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFF", CultureInfo.InvariantCulture);

    /// <summary>A JSON number, or null for absent and non-finite values (JSON has no NaN).</summary>
    private static JsonValue? Number(double? value) => value is { } v && double.IsFinite(v) ? JsonValue.Create(v) : null;
}
