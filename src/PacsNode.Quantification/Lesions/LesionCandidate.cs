using PacsNode.Quantification.Vois;
using PacsNode.Quantification.Volume;

namespace PacsNode.Quantification.Lesions;

/// <summary>
/// One detection candidate: the maximum of a component above the detection threshold, its VOI and metrics when it
/// has them, and the rejection when it is not a lesion. <see cref="Id"/> numbers all candidates by SUVpeak.
/// </summary>
public sealed record LesionCandidate
{
    public required string Id { get; init; }

    public required (int X, int Y, int Z) SeedVoxel { get; init; }

    public required PatientVector SeedMm { get; init; }

    /// <summary>SUVbw of the seed voxel (the component's maximum).</summary>
    public required double SeedSuv { get; init; }

    /// <summary>The VOI, null when it was not grown to the end (merged, inside a hotter candidate, no VOI).</summary>
    public Voi? Voi { get; init; }

    public VoiMetrics? Metrics { get; init; }

    public CandidateRejection? Rejection { get; init; }

    public string? RejectionReason { get; init; }

    public bool Accepted => Rejection is null;

    /// <summary>The sort key: SUVpeak, or the seed SUV for candidates without metrics.</summary>
    public double SortPeak => Metrics?.SuvPeak ?? SeedSuv;
}
