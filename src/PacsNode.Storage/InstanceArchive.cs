using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO;
using PacsNode.Storage.Files;
using PacsNode.Storage.Index;

namespace PacsNode.Storage;

/// <summary>
/// Store, then index: what a C-STORE SCP calls before it answers. When the returned task completes with Stored or
/// Replaced, the file is durable and its index row committed. For Duplicate and Rejected the file already stored is
/// (re)indexed from its own header, so a resend heals a crash that fell between a rename and its index commit.
/// </summary>
public sealed class InstanceArchive
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

    public async Task<StoreResult> StoreAsync(DicomFile file, CancellationToken cancellationToken)
    {
        StoreResult result = await _store.StoreAsync(file, cancellationToken).ConfigureAwait(false);
        await IndexAsync(result, cancellationToken).ConfigureAwait(false);
        return result;
    }

    public async Task<StoreResult> StoreAsync(Stream part10, CancellationToken cancellationToken)
    {
        StoreResult result = await _store.StoreAsync(part10, cancellationToken).ConfigureAwait(false);
        await IndexAsync(result, cancellationToken).ConfigureAwait(false);
        return result;
    }

    private async Task IndexAsync(StoreResult result, CancellationToken cancellationToken)
    {
        switch (result.Outcome)
        {
            case StoreOutcome.Stored or StoreOutcome.Replaced:
                await _writer.IndexAsync(result, cancellationToken).ConfigureAwait(false);
                break;
            case StoreOutcome.Duplicate or StoreOutcome.Rejected:
                DicomFile kept = await DicomFile.OpenAsync(result.Path, HeaderOnly, cancellationToken).ConfigureAwait(false);
                var record = IndexRecord.FromDataset(
                    kept.Dataset, kept.TransferSyntax.Uid, result.Path, result.FileSize, _timeProvider.GetUtcNow());
                await _writer.IndexAsync(record, cancellationToken).ConfigureAwait(false);
                break;
            default:
                break;
        }
    }
}
