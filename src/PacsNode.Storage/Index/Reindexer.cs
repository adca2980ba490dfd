using PacsNode.Dicom;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO;
using PacsNode.Storage.Files;

namespace PacsNode.Storage.Index;

/// <summary>
/// Rebuilds the index from the file store (for <c>pacsnode reindex</c>, or after a crash between a file's rename and
/// its index commit): every Data/StudyUID/SeriesUID/*.dcm is read up to Pixel Data and upserted through the writer.
/// A file whose UIDs do not give back its own path, or that does not parse, is reported and left alone.
/// </summary>
public sealed class Reindexer
{
    private const int InFlight = 256;
    private static readonly DicomReaderOptions HeaderOnly = new() { StopAtTag = DicomTag.PixelData };

    private readonly InstanceStore _store;
    private readonly IndexWriter _writer;

    public Reindexer(InstanceStore store, IndexWriter writer)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(writer);
        _store = store;
        _writer = writer;
    }

    public async Task<ReindexResult> RunAsync(CancellationToken cancellationToken)
    {
        var failed = new List<string>();
        var pending = new List<Task>(InFlight);
        int indexed = 0;
        foreach (string path in StoredFiles())
        {
            IndexRecord? record = await ReadAsync(path, failed, cancellationToken).ConfigureAwait(false);
            if (record is null)
            {
                continue;
            }

            pending.Add(_writer.IndexAsync(record, cancellationToken));
            indexed++;
            if (pending.Count == InFlight)
            {
                await Task.WhenAll(pending).ConfigureAwait(false);
                pending.Clear();
            }
        }

        await Task.WhenAll(pending).ConfigureAwait(false);
        return new ReindexResult(indexed, failed);
    }

    private IEnumerable<string> StoredFiles() => Directory.EnumerateDirectories(_store.DataFolder)
        .Where(study => !Path.GetFileName(study).Equals(InstanceStore.IncomingFolderName, StringComparison.Ordinal))
        .SelectMany(Directory.EnumerateDirectories)
        .SelectMany(series => Directory.EnumerateFiles(series, "*.dcm"))
        .Order(StringComparer.Ordinal);

    private async Task<IndexRecord?> ReadAsync(string path, List<string> failed, CancellationToken cancellationToken)
    {
        try
        {
            DicomFile file = await DicomFile.OpenAsync(path, HeaderOnly, cancellationToken).ConfigureAwait(false);
            DicomDataset dataset = file.Dataset;
            string expected = _store.GetPath(
                dataset.GetString(DicomTag.StudyInstanceUID),
                dataset.GetString(DicomTag.SeriesInstanceUID),
                dataset.GetString(DicomTag.SOPInstanceUID));
            if (!expected.Equals(path, StringComparison.Ordinal))
            {
                failed.Add($"{path}: its UIDs name {expected}");
                return null;
            }

            var info = new FileInfo(path);
            return IndexRecord.FromDataset(dataset, file.TransferSyntax.Uid, path, info.Length, info.LastWriteTimeUtc);
        }
        catch (Exception exception) when (exception is DicomException or InvalidUidException or IOException)
        {
            failed.Add($"{path}: {exception.Message}");
            return null;
        }
    }
}
