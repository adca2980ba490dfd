using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO;
using PacsNode.Storage.Files;
using PacsNode.Storage.Index;

namespace PacsNode.Storage;

/// <summary>
/// Store, then index: what a C-STORE SCP calls before it answers. When the returned task completes with Stored or
/// Replaced, the file is durable and its index row committed. Duplicates are found by SOP Instance UID against the
/// index, so a UID re-sent under other Study/Series UIDs is a duplicate too: Keep and Reject leave the stored file,
/// Replace writes the new file, moves the index row to it (emptied series, studies and patients are removed in the
/// same transaction) and then deletes the old file. For Duplicate and Rejected the file kept is (re)indexed from its
/// own header, so a resend heals a crash that fell between a rename and its index commit. The decision and the
/// index update of one UID happen under the store's lock for that UID.
/// </summary>
public sealed class InstanceArchive : IStoreCoordinator
{
    private static readonly DicomReaderOptions HeaderOnly = new() { StopAtTag = DicomTag.PixelData };

    private readonly InstanceStore _store;
    private readonly IndexWriter _writer;
    private readonly TimeProvider _timeProvider;

    public InstanceArchive(InstanceStore store, IndexWriter writer, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _store = store;
        _writer = writer;
        _timeProvider = timeProvider;
    }

    public Task<StoreResult> StoreAsync(DicomFile file, CancellationToken cancellationToken) =>
        _store.StoreAsync(file, this, cancellationToken);

    public Task<StoreResult> StoreAsync(Stream part10, CancellationToken cancellationToken) =>
        _store.StoreAsync(part10, this, cancellationToken);

    /// <summary>
    /// Stores a received instance from its Part 10 bytes given as blocks (preamble and meta, then the dataset as
    /// received) and its dataset already parsed from those bytes at least up to Pixel Data, which names the path and
    /// feeds the index; nothing is re-read from disk. The bytes must stay unchanged until the task completes.
    /// </summary>
    public Task<StoreResult> StoreAsync(
        IReadOnlyList<ReadOnlyMemory<byte>> part10, DicomDataset dataset, string transferSyntaxUid, CancellationToken cancellationToken) =>
        _store.StoreAsync(part10, dataset, transferSyntaxUid, this, cancellationToken);

    /// <summary>
    /// As <see cref="StoreAsync(IReadOnlyList{ReadOnlyMemory{byte}}, DicomDataset, string, CancellationToken)"/>, for a
    /// C-STORE SCP that answers as soon as the instance is durable: under PowerLoss durability a new or replacing
    /// instance completes once its journal record is flushed and its file renamed into place, and its index row is
    /// committed right after (<see cref="StoreReceipt.Indexed"/>); a crash in between is repaired by the journal's replay.
    /// Readers of the index await <see cref="WhenIndexedAsync"/> first. Elsewhere the receipt's index task is complete.
    /// </summary>
    public Task<StoreReceipt> StoreReceivedAsync(
        IReadOnlyList<ReadOnlyMemory<byte>> part10, DicomDataset dataset, string transferSyntaxUid, CancellationToken cancellationToken) =>
        _store.StoreAsync(part10, dataset, transferSyntaxUid, this, indexBehind: true, cancellationToken);

    /// <summary>
    /// Completes when the index rows of every store acknowledged so far are committed (see <see cref="StoreReceivedAsync"/>):
    /// a query that awaits it first sees every instance answered with Success before it started.
    /// </summary>
    public Task WhenIndexedAsync() => _store.WhenIndexedAsync();

    /// <summary>
    /// Replays the store journal (instances acknowledged before a power loss or crash whose files or index rows may be
    /// missing), once; every store awaits it, but the node calls it at startup so that it happens before the listener
    /// opens. Does nothing under ProcessCrash durability.
    /// </summary>
    public Task RecoverAsync() => _store.RecoverAsync(this);

    /// <summary>
    /// Flushes the files, folders and index rows of the journaled stores so far and moves the journal past them (see
    /// <see cref="InstanceStore.CheckpointAsync(CancellationToken)"/>); the node runs it periodically and at shutdown.
    /// </summary>
    public Task CheckpointAsync(CancellationToken cancellationToken) => _store.CheckpointAsync(this, cancellationToken);

    string? IStoreCoordinator.FindStoredPath(string sopInstanceUid) => _writer.FindFilePath(sopInstanceUid);

    Task IStoreCoordinator.RecoveredAsync(StoreResult result, DateTimeOffset receivedAt, CancellationToken cancellationToken) =>
        _writer.IndexAsync(IndexRecord.FromStoreResult(result, receivedAt), cancellationToken);

    Task IStoreCoordinator.FlushIndexAsync(CancellationToken cancellationToken) => _writer.FlushToDiskAsync(cancellationToken);

    async Task IStoreCoordinator.CommittedAsync(StoreResult result, CancellationToken cancellationToken)
    {
        switch (result.Outcome)
        {
            case StoreOutcome.Stored or StoreOutcome.Replaced:
                await _writer.IndexAsync(result, cancellationToken).ConfigureAwait(false);
                if (result.ReplacedPath is not null)
                {
                    _store.DeleteReplaced(result.ReplacedPath);
                }

                break;
            case StoreOutcome.Duplicate or StoreOutcome.Rejected:
                DicomFile kept = await DicomFile.OpenAsync(result.Path, HeaderOnly, cancellationToken).ConfigureAwait(false);
                var record = IndexRecord.FromDataset(
                    kept.Dataset, kept.TransferSyntax.Uid, result.Path, new FileInfo(result.Path).Length, _timeProvider.GetUtcNow());
                await _writer.IndexAsync(record, cancellationToken).ConfigureAwait(false);
                break;
            default:
                break;
        }
    }
}
