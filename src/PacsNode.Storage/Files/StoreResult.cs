using PacsNode.Dicom.Data;

namespace PacsNode.Storage.Files;

/// <summary>The result of one store call.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Path">The absolute path of the stored file (also for Duplicate and Rejected: the file kept);
/// empty for OutOfResources.</param>
/// <param name="StudyInstanceUid">The validated Study Instance UID; empty for OutOfResources of a raw stream.</param>
/// <param name="SeriesInstanceUid">The validated Series Instance UID.</param>
/// <param name="SopInstanceUid">The validated SOP Instance UID.</param>
/// <param name="SopClassUid">The SOP Class UID of the instance, empty when absent.</param>
/// <param name="TransferSyntaxUid">The transfer syntax the file is stored in.</param>
/// <param name="FileSize">The size in bytes of the file written, 0 when nothing was written.</param>
/// <param name="Dataset">The dataset stored (for a stream, its header up to Pixel Data), for indexing; null for
/// OutOfResources of a raw stream.</param>
public sealed record StoreResult(
    StoreOutcome Outcome,
    string Path,
    string StudyInstanceUid,
    string SeriesInstanceUid,
    string SopInstanceUid,
    string SopClassUid,
    string TransferSyntaxUid,
    long FileSize,
    DicomDataset? Dataset)
{
    /// <summary>
    /// For <see cref="StoreOutcome.Replaced"/> of an instance that was stored under other Study/Series UIDs: the old
    /// file, deleted once the index row has moved to <see cref="Path"/>. Null otherwise.
    /// </summary>
    public string? ReplacedPath { get; init; }
}
