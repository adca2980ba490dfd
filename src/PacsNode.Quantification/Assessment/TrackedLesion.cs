namespace PacsNode.Quantification.Assessment;

/// <summary>
/// One lesion of the patient across the visits, with one <see cref="TrackingIdentifier"/> ("L1", … or the reader's)
/// and one <see cref="TrackingUid"/> for all of them, and its per-lesion results.
/// </summary>
public sealed record TrackedLesion
{
    public required string TrackingIdentifier { get; init; }

    public required string TrackingUid { get; init; }

    /// <summary>The identifier (and possibly the UID) came from the reader.</summary>
    public bool ReaderIdentified { get; init; }

    public required LesionStatus Status { get; init; }

    /// <summary>Distance of the follow-up centroid from the aligned baseline centroid, mm (matched lesions).</summary>
    public double? MatchDistanceMm { get; init; }

    public LesionObservation? Baseline { get; init; }

    /// <summary>The baseline VOI carried over to the HER2-PET and measured there.</summary>
    public LesionObservation? Her2Pet { get; init; }

    /// <summary>The follow-up VOI; for a disappeared lesion, the baseline VOI carried over (CarriedOver).</summary>
    public LesionObservation? FollowUp { get; init; }

    public Her2LesionResult? Her2 { get; init; }

    public EortcLesionResult? Eortc { get; init; }

    /// <summary>The lesion's HER2 status × EORTC response; null when either is missing.</summary>
    public ZephirGroup? Group { get; init; }

    public IReadOnlyList<string> Notes { get; init; } = [];
}
