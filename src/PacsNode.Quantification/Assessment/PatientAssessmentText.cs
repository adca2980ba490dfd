using System.Globalization;
using System.Text;

namespace PacsNode.Quantification.Assessment;

/// <summary>A plain-text rendering of a <see cref="PatientAssessment"/> for logs and the command line (codes as in the SR).</summary>
public static class PatientAssessmentText
{
    public static string Write(PatientAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        var text = new StringBuilder();
        IFormatProvider inv = CultureInfo.InvariantCulture;
        text.AppendLine(inv, $"patient {assessment.PatientId}: {(assessment.IsComplete ? "complete" : "PARTIAL")} assessment");
        foreach (string m in assessment.Missing)
        {
            text.AppendLine(inv, $"  missing: {m}");
        }

        text.AppendLine(inv, $"visit rule: {assessment.Visits.Rule}");
        foreach ((StudyQuantification s, VisitRole role) in assessment.Visits.Studies)
        {
            string align = assessment.Alignments.TryGetValue(s.StudyInstanceUid, out RigidAlignment? a)
                ? "; " + a.Describe()
                : string.Empty;
            text.AppendLine(inv, $"  {role}: {s.StudyInstanceUid} {s.StudyDateTime:yyyy-MM-dd HH:mm} {s.Tracer.Tracer} ({s.Tracer.Evidence}; T½ {s.Tracer.HalfLifeSeconds} s {s.Tracer.HalfLifeSource}){align}");
        }

        if (assessment.LesionResidualRmsMm is { } rms)
        {
            text.AppendLine(inv, $"lesion residual after alignment: RMS {rms:0.00} mm, max {assessment.LesionResidualMaxMm:0.00} mm");
        }

        foreach (TrackedLesion l in assessment.Lesions)
        {
            text.Append(inv, $"{l.TrackingIdentifier} {l.Status}{(l.ReaderIdentified ? " (reader)" : string.Empty)} {l.TrackingUid}");
            if (l.MatchDistanceMm is { } d)
            {
                text.Append(inv, $" match {d:0.0} mm");
            }

            text.AppendLine();
            Observation(text, "baseline", l.Baseline);
            Observation(text, "HER2-PET", l.Her2Pet);
            Observation(text, "follow-up", l.FollowUp);
            if (l.Her2 is { } h)
            {
                string proposed = h.ProposedClass is { } nodeClass ? "node proposed " + AssessmentCodes.Her2Class(nodeClass) : "no proposed class: " + h.Reason;
                string used = h.ReaderClass is { } readerClass
                    ? $"{AssessmentCodes.Her2Class(readerClass)} {AssessmentCodes.Status(h.Positive!.Value)} (by reader {h.ReaderObserver}, SR {h.ReaderSourceUid}; {proposed})"
                    : h.ProposedClass is { } c ? AssessmentCodes.Her2Class(c) + " " + AssessmentCodes.Status(h.Positive!.Value) + " (proposed)" : "no class: " + h.Reason;
                text.AppendLine(inv, $"    HER2: {used}, LBR {h.Lbr:0.###}");
            }

            if (l.Eortc is { } e)
            {
                text.AppendLine(inv, $"    EORTC: {AssessmentCodes.Response(e.Category)} ({e.Change:+0.0%;-0.0%} SUVmax, {e.Basis})");
            }

            if (l.Group is { } g)
            {
                text.AppendLine(inv, $"    group: {AssessmentCodes.Group(g)}");
            }
        }

        if (assessment.Her2 is { } p)
        {
            text.AppendLine(inv, $"HER2-PET pattern {AssessmentCodes.Pattern(p.Pattern)} ({AssessmentCodes.Status(p.Positive)}): {p.PositiveShare:0.0%} of the tumour load ({p.Weight}) in positive lesions, {p.Lesions} lesions");
        }

        if (assessment.Percist is { } r)
        {
            text.AppendLine(inv, $"PERCIST {AssessmentCodes.Response(r.Category)}: {r.Metric} {r.BaselineHottestLesion} {r.BaselineHottest:0.###} → {r.FollowUpHottestLesion ?? "none"} {r.FollowUpHottest:0.###} ({r.RelativeChange:+0.0%;-0.0%}, {r.AbsoluteChange:+0.###;-0.###}), new lesions {r.NewLesions}; liver {r.BaselineLiverMean:0.###} → {r.FollowUpLiverMean:0.###} comparable {r.LiverComparable?.ToString() ?? "unknown"}, uptake {r.BaselineUptake?.TotalMinutes:0.#} → {r.FollowUpUptake?.TotalMinutes:0.#} min comparable {r.UptakeComparable?.ToString() ?? "unknown"}");
        }

        if (assessment.Zephir is { } z)
        {
            text.AppendLine(inv, $"ZEPHIR group {AssessmentCodes.Group(z.Group)} (response basis {z.Basis}){(z.Statement is null ? string.Empty : ": " + z.Statement)}");
        }

        foreach (string n in assessment.Notes)
        {
            text.AppendLine(inv, $"note: {n}");
        }

        return text.ToString();
    }

    private static void Observation(StringBuilder text, string visit, LesionObservation? o)
    {
        if (o is null)
        {
            return;
        }

        text.AppendLine(CultureInfo.InvariantCulture,
            $"    {visit}{(o.CarriedOver ? " (carried over)" : string.Empty)}: ({o.CentroidMm.X:0.0}, {o.CentroidMm.Y:0.0}, {o.CentroidMm.Z:0.0}) mm, SUVmax {o.Metrics.SuvMax:0.###}, SUVpeak {o.Metrics.SuvPeak:0.###}, SULpeak {o.Metrics.SulPeak:0.###}, MTV {o.Metrics.MtvMl:0.##} ml, LBR {o.Metrics.Lbr:0.###}");
    }
}
