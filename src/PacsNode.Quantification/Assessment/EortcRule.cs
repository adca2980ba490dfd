namespace PacsNode.Quantification.Assessment;

/// <summary>
/// EORTC 1999 per lesion on SUVmax after one cycle (DOMAIN.md section 5): change = (follow-up − baseline) / baseline;
/// change ≤ −<see cref="AssessmentOptions.EortcPmrDecrease"/> (15%) → PMR, ≥ +<see cref="AssessmentOptions.EortcPmdIncrease"/>
/// (25%) → PMD, otherwise SMD; complete disappearance into the background → CMR (<see cref="Disappeared"/>).
/// </summary>
public static class EortcRule
{
    public static double Change(double baselineSuvMax, double followUpSuvMax)
    {
        if (!(baselineSuvMax > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(baselineSuvMax), baselineSuvMax, "the baseline SUVmax must be positive");
        }

        return (followUpSuvMax - baselineSuvMax) / baselineSuvMax;
    }

    public static ResponseCategory Classify(double baselineSuvMax, double followUpSuvMax, AssessmentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        double change = Change(baselineSuvMax, followUpSuvMax);
        // Compared with a tolerance of 1e-12 so that, e.g., 10 → 8.5 counts as the 15% it is.
        return change <= -options.EortcPmrDecrease + 1e-12 ? ResponseCategory.Pmr
            : change >= options.EortcPmdIncrease - 1e-12 ? ResponseCategory.Pmd
            : ResponseCategory.Smd;
    }

    /// <summary>
    /// A lesion not found at follow-up: CMR when its carried-over VOI's lesion-to-background ratio is below
    /// <see cref="AssessmentOptions.EortcCmrMaximumLbr"/> (or there is no uptake to speak of); otherwise the carried VOI's
    /// SUVmax is classified like a matched lesion's.
    /// </summary>
    public static ResponseCategory Disappeared(double baselineSuvMax, double carriedSuvMax, double? carriedLbr, AssessmentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return carriedLbr is not { } lbr || lbr < options.EortcCmrMaximumLbr
            ? ResponseCategory.Cmr
            : Classify(baselineSuvMax, carriedSuvMax, options);
    }

    public static bool IsResponse(ResponseCategory category) => category is ResponseCategory.Cmr or ResponseCategory.Pmr;
}
