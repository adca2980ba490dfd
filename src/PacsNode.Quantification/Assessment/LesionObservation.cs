using PacsNode.Quantification.Vois;
using PacsNode.Quantification.Volume;

namespace PacsNode.Quantification.Assessment;

/// <summary>
/// A tracked lesion at one visit: the VOI measured there (the study's own VOI, or the baseline VOI carried over through
/// the alignment when <see cref="CarriedOver"/>), its centroid in that study's frame, and its metrics.
/// </summary>
public sealed record LesionObservation(
    string StudyInstanceUid,
    string SeriesInstanceUid,
    VisitRole Visit,
    string? VoiId,
    string VoiName,
    PatientVector CentroidMm,
    IReadOnlyList<int> Voxels,
    VoiMetrics Metrics,
    bool CarriedOver)
{
    /// <summary>The reader's tracking identifier of this study's VOI (<see cref="StudyQuantification.ReaderTracking"/>), if any.</summary>
    public string? ReaderIdentifier { get; init; }
}
