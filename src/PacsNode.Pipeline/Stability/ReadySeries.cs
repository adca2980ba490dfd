namespace PacsNode.Pipeline.Stability;

/// <summary>A series the tracker declared ready: the input of a job.</summary>
/// <param name="StudyInstanceUid">Its study.</param>
/// <param name="SeriesInstanceUid">The series.</param>
/// <param name="CallingAeTitle">The calling AE of its last instance; null for a series found by the startup scan.</param>
/// <param name="LastReceivedAt">When its last instance arrived.</param>
/// <param name="ReadyAt">When it was declared ready; <c>ReadyAt - LastReceivedAt</c> is the stability wait.</param>
/// <param name="Reason">Why.</param>
/// <param name="InstancesSeen">Distinct instances announced for it since it was last declared ready.</param>
public sealed record ReadySeries(
    string StudyInstanceUid,
    string SeriesInstanceUid,
    string? CallingAeTitle,
    DateTimeOffset LastReceivedAt,
    DateTimeOffset ReadyAt,
    ReadinessReason Reason,
    int InstancesSeen);
