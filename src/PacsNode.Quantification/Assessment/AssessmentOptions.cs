namespace PacsNode.Quantification.Assessment;

/// <summary>
/// Every setting of the patient assessment; the defaults are DOMAIN.md section 5's (and the helper brief's where
/// DOMAIN.md leaves a choice). All of them are reported with the assessment.
/// </summary>
public sealed record AssessmentOptions
{
    /// <summary>Visit rule: a follow-up FDG study is at least this many days after the baseline FDG study.</summary>
    public double FollowUpMinimumDays { get; init; } = 10;

    /// <summary>
    /// Visit rule: with a HER2-PET, the baseline is the latest FDG study no later than this many days after the HER2-PET
    /// (both are imaged before treatment, in either order).
    /// </summary>
    public double BaselineMaximumDaysAfterHer2 { get; init; } = 7;

    /// <summary>Overrides the visit rule: the StudyInstanceUID of the baseline FDG study.</summary>
    public string? BaselineStudyUid { get; init; }

    /// <summary>Overrides the visit rule: the StudyInstanceUID of the follow-up FDG study.</summary>
    public string? FollowUpStudyUid { get; init; }

    /// <summary>Lesions of two studies match when their VOI centroids lie within this distance after alignment, mm.</summary>
    public double MatchToleranceMm { get; init; } = 20;

    public AlignmentOptions Alignment { get; init; } = new();

    /// <summary>Proposed HER2-PET class 2 from this lesion-to-background ratio (below: class 1).</summary>
    public double Her2Class2FromLbr { get; init; } = 1.2;

    /// <summary>Proposed HER2-PET class 3 (positive) from this ratio.</summary>
    public double Her2Class3FromLbr { get; init; } = 1.5;

    /// <summary>Proposed HER2-PET class 4 from this ratio.</summary>
    public double Her2Class4FromLbr { get; init; } = 3.0;

    /// <summary>How each lesion's share of the FDG tumour load is weighted for the pattern.</summary>
    public TumourLoadWeight PatternWeight { get; init; } = TumourLoadWeight.Mtv;

    /// <summary>Pattern B from this share of the tumour load in HER2-positive lesions (below, and above 0: C).</summary>
    public double PatternDominantShare { get; init; } = 0.5;

    /// <summary>EORTC PMR: SUVmax decrease of at least this fraction (0.15 after one cycle).</summary>
    public double EortcPmrDecrease { get; init; } = 0.15;

    /// <summary>EORTC PMD: SUVmax increase of at least this fraction.</summary>
    public double EortcPmdIncrease { get; init; } = 0.25;

    /// <summary>
    /// EORTC CMR for a lesion not found at follow-up: its baseline VOI carried over has a lesion-to-background ratio
    /// below this (it has gone into the background); otherwise the carried VOI's SUVmax is categorised.
    /// </summary>
    public double EortcCmrMaximumLbr { get; init; } = 1.5;

    /// <summary>PERCIST: relative SULpeak change (30%).</summary>
    public double PercistRelativeChange { get; init; } = 0.30;

    /// <summary>PERCIST: absolute SULpeak change (0.8 SUL).</summary>
    public double PercistAbsoluteChange { get; init; } = 0.8;

    /// <summary>PERCIST comparability: liver SULmean within this fraction between scans (20%).</summary>
    public double PercistLiverRelative { get; init; } = 0.20;

    /// <summary>PERCIST comparability: and within this many SUL units (0.3).</summary>
    public double PercistLiverAbsolute { get; init; } = 0.3;

    /// <summary>PERCIST comparability: uptake times within this many minutes (15).</summary>
    public double PercistUptakeMinutes { get; init; } = 15;

    /// <summary>What "early metabolic response" means for the ZEPHIR group.</summary>
    public ResponseBasis ResponseBasis { get; init; } = ResponseBasis.Percist;
}
