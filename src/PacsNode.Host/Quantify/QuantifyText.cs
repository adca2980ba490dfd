using System.Globalization;
using System.Text;
using PacsNode.Quantification.Lesions;
using PacsNode.Quantification.Suv;
using PacsNode.Quantification.Volume;

namespace PacsNode.Host.Quantify;

/// <summary>The human-readable <c>quantify</c> output: SUV factors with provenance, the liver, one line per VOI, the candidates.</summary>
internal static class QuantifyText
{
    public static string Write(QuantifyResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder();
        SuvFactors f = result.Factors!;
        SuvProvenance p = f.Provenance;
        Line(text, $"SUV      units {f.Units}, SUVbw factor {Num(f.SeriesFactorBw, "G6")}, decay {p.DecayCorrection ?? "-"}, reference {p.ReferenceTime:yyyy-MM-dd HH:mm:ss} ({p.ReferenceTimeSource}), injection {p.InjectionTime:yyyy-MM-dd HH:mm:ss} ({p.InjectionTimeSource})");
        foreach (string note in p.Notes)
        {
            Line(text, $"  note   {note}");
        }

        foreach (string warning in p.Warnings)
        {
            Line(text, $"  WARN   {warning}");
        }

        LiverSearch liver = result.Liver!;
        if (liver.IsFound)
        {
            LiverReference l = liver.Liver;
            Line(text, $"Liver    {(l.Automatic ? "found" : "given")} at {Mm(l.CentreMm)}: SUVmean {l.SuvMean:0.00} SD {l.SuvSd:0.00}, SULmean {Num(l.SulMean, "0.00")}");
        }
        else
        {
            Line(text, $"Liver    not found: {liver.Reason}");
        }

        if (result.Detection is { } d)
        {
            Line(text, $"Detect   threshold SUVbw {d.Threshold.Suv:0.00} ({d.Threshold.Source}), VOI {d.Method}");
        }

        Line(text, $"{"VOI",-6} {"source",-8} {"SUVmax",7} {"SUVmean",7} {"SUVmin",7} {"median",7} {"SD",6} {"SUVpeak",7} {"SULpeak",7} {"MTV ml",8} {"TLG",8} {"LBR",6}  name / SUVmax at");
        foreach (MeasuredVoi v in result.Vois)
        {
            var m = v.Metrics;
            Line(text, $"{v.Voi.Id,-6} {v.Voi.Source,-8} {m.SuvMax,7:0.00} {m.SuvMean,7:0.00} {m.SuvMin,7:0.00} {m.SuvMedian,7:0.00} {m.SuvSd,6:0.00} {m.SuvPeak,7:0.00} {Num(m.SulPeak, "0.00"),7} {m.MtvMl,8:0.00} {Num(m.Tlg, "0.0"),8} {Num(m.Lbr, "0.00"),6}  {v.Voi.Name} {Mm(m.SuvMaxMm)}");
        }

        foreach (LesionCandidate c in result.Detection?.Candidates.Where(c => !c.Accepted) ?? [])
        {
            Line(text, $"{c.Id,-6} rejected {c.Rejection}: {c.RejectionReason} (max {c.SeedSuv:0.00} at {Mm(c.SeedMm)})");
        }

        foreach (string note in result.Notes)
        {
            Line(text, $"note     {note}");
        }

        Line(text, $"Kernels  {result.Backend}; " + string.Join(", ", result.TimingsMs.Select(t => Invariant($"{t.Key} {t.Value:0} ms"))));
        return text.ToString();
    }

    private static void Line(StringBuilder text, FormattableString line) => text.AppendLine(Invariant(line));

    private static void Line(StringBuilder text, string line) => text.AppendLine(line);

    private static string Mm(PatientVector p) => Invariant($"({p.X:0.#}, {p.Y:0.#}, {p.Z:0.#}) mm");

    private static string Num(double? value, string format) => value?.ToString(format, CultureInfo.InvariantCulture) ?? "-";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
