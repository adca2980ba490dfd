namespace PacsNode.Quantification.Assessment;

/// <summary>
/// PERCIST for the patient: the hottest lesion of each scan and its value (<see cref="Metric"/>: "SULpeak", or
/// "SUVpeak" when a header lacks what SUL needs), the changes, new lesions, the category, and the comparability checks
/// (reported, not enforced).
/// </summary>
public sealed record PercistResult
{
    public required ResponseCategory Category { get; init; }

    public required string Metric { get; init; }

    public required string BaselineHottestLesion { get; init; }

    public required double BaselineHottest { get; init; }

    public string? FollowUpHottestLesion { get; init; }

    public double? FollowUpHottest { get; init; }

    public double? AbsoluteChange { get; init; }

    public double? RelativeChange { get; init; }

    public bool NewLesions { get; init; }

    public double? BaselineLiverMean { get; init; }

    public double? FollowUpLiverMean { get; init; }

    /// <summary>Liver within 20% and 0.3 SUL; null when a liver reference is missing.</summary>
    public bool? LiverComparable { get; init; }

    public TimeSpan? BaselineUptake { get; init; }

    public TimeSpan? FollowUpUptake { get; init; }

    /// <summary>Uptake times within 15 min; null when one is unknown.</summary>
    public bool? UptakeComparable { get; init; }

    public IReadOnlyList<string> Notes { get; init; } = [];
}
