namespace PacsNode.Quantification.Assessment;

/// <summary>
/// PERCIST 1.0 per patient on the hottest lesion's SULpeak of each scan, not necessarily the same lesion (DOMAIN.md
/// section 5), in this order: a new lesion → PMD; no lesion at follow-up, or the hottest below the follow-up liver
/// SULmean → CMR; increase &gt; 30% and &gt; 0.8 SUL → PMD; decrease ≥ 30% and ≥ 0.8 SUL → PMR; else SMD. (Comparators
/// as DOMAIN.md writes them: strict for PMD, inclusive for PMR.)
/// </summary>
public static class PercistRule
{
    private const double Epsilon = 1e-12;

    /// <param name="baselineHottest">The baseline's hottest SULpeak (positive).</param>
    /// <param name="followUpHottest">The follow-up's hottest SULpeak; null when no lesion is left.</param>
    /// <param name="followUpLiverMean">The follow-up liver SULmean; null when unknown (then CMR needs no lesion at all).</param>
    /// <param name="newLesion">Whether a new lesion appeared.</param>
    /// <param name="options">Thresholds.</param>
    public static ResponseCategory Classify(double baselineHottest, double? followUpHottest, double? followUpLiverMean, bool newLesion, AssessmentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!(baselineHottest > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(baselineHottest), baselineHottest, "the baseline SULpeak must be positive");
        }

        if (newLesion)
        {
            return ResponseCategory.Pmd;
        }

        if (followUpHottest is not { } hottest || (followUpLiverMean is { } liver && hottest < liver))
        {
            return ResponseCategory.Cmr;
        }

        double delta = hottest - baselineHottest;
        double relative = delta / baselineHottest;
        if (relative > options.PercistRelativeChange + Epsilon && delta > options.PercistAbsoluteChange + Epsilon)
        {
            return ResponseCategory.Pmd;
        }

        return relative <= -options.PercistRelativeChange + Epsilon && -delta >= options.PercistAbsoluteChange - Epsilon
            ? ResponseCategory.Pmr
            : ResponseCategory.Smd;
    }

    /// <summary>Liver SULmean within 20% and 0.3 SUL between the scans.</summary>
    public static bool LiverComparable(double baselineLiver, double followUpLiver, AssessmentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        double delta = Math.Abs(followUpLiver - baselineLiver);
        return delta <= (options.PercistLiverRelative * baselineLiver) + Epsilon && delta <= options.PercistLiverAbsolute + Epsilon;
    }

    /// <summary>Uptake times within 15 minutes.</summary>
    public static bool UptakeComparable(TimeSpan baseline, TimeSpan followUp, AssessmentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Math.Abs((followUp - baseline).TotalMinutes) <= options.PercistUptakeMinutes + 1e-9;
    }
}
