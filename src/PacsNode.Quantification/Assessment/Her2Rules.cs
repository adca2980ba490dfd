namespace PacsNode.Quantification.Assessment;

/// <summary>
/// HER2-PET rules (DOMAIN.md section 5). Lesion: the proposed visual class from the 89Zr lesion-to-background ratio,
/// LBR &lt; class-2 threshold → 1, &lt; class-3 → 2, &lt; class-4 → 3, else 4 (defaults 1.2, 1.5, 3.0); classes 3–4 are
/// HER2-positive. Patient: the share of the FDG tumour load in HER2-positive lesions; all lesions positive → A, share
/// ≥ the dominant share (0.5) → B, share &gt; 0 → C, none → D; A and B are HER2-PET positive.
/// </summary>
public static class Her2Rules
{
    public static int ProposeClass(double lbr, AssessmentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return lbr < options.Her2Class2FromLbr ? 1
            : lbr < options.Her2Class3FromLbr ? 2
            : lbr < options.Her2Class4FromLbr ? 3
            : 4;
    }

    public static bool IsPositive(int her2Class) => her2Class >= 3;

    /// <summary>The pattern and the positive share from each lesion's weight and status.</summary>
    /// <exception cref="ArgumentException">No lesions, or no tumour load.</exception>
    public static (Her2Pattern Pattern, double PositiveShare) Pattern(IReadOnlyList<(double Weight, bool Positive)> lesions, AssessmentOptions options)
    {
        ArgumentNullException.ThrowIfNull(lesions);
        ArgumentNullException.ThrowIfNull(options);
        double total = lesions.Sum(l => l.Weight);
        if (lesions.Count == 0 || !(total > 0))
        {
            throw new ArgumentException("the pattern needs at least one lesion with a positive weight", nameof(lesions));
        }

        double share = lesions.Where(l => l.Positive).Sum(l => l.Weight) / total;
        Her2Pattern pattern = lesions.All(l => l.Positive) ? Her2Pattern.A
            : lesions.All(l => !l.Positive) ? Her2Pattern.D
            : share >= options.PatternDominantShare ? Her2Pattern.B
            : Her2Pattern.C;
        return (pattern, share);
    }

    public static bool IsPositive(Her2Pattern pattern) => pattern is Her2Pattern.A or Her2Pattern.B;
}
