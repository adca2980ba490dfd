namespace PacsNode.StructuredReport.Documents;

/// <summary>
/// The new series and instance a derived object is written into. The caller chooses the UIDs (deterministic UIDs
/// make reprocessing idempotent); the writers never invent them.
/// </summary>
public sealed record DocumentIdentity
{
    public required string SeriesInstanceUid { get; init; }

    public required string SopInstanceUid { get; init; }

    public required int SeriesNumber { get; init; }

    public int InstanceNumber { get; init; } = 1;

    public string SeriesDescription { get; init; } = string.Empty;
}
