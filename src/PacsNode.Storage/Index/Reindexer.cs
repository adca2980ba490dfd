using Microsoft.Data.Sqlite;
using PacsNode.Dicom;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO;
using PacsNode.Storage.Files;

namespace PacsNode.Storage.Index;

/// <summary>
/// Rebuilds the index from the file store (for <c>pacsnode reindex</c>, or after a crash between a file's rename and
/// its index commit): every Data/StudyUID/SeriesUID/*.dcm is read up to Pixel Data and upserted through the writer,
/// in path order. A file whose UIDs do not give back its own path, that does not parse, or whose SOP Instance UID
/// was already met in another file (an orphan of a crashed replacement) is reported and left alone. Then the rows
/// whose file no longer exists are deleted, so an existing index ends as one built from scratch.
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
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        int indexed = 0;
        foreach (string path in StoredFiles())
        {
            IndexRecord? record = await ReadAsync(path, failed, cancellationToken).ConfigureAwait(false);
            if (record is null)
            {
                continue;
            }

            if (!seen.TryAdd(record.SopInstanceUid, path))
            {
                failed.Add($"{path}: SOP Instance UID {record.SopInstanceUid} is also stored at {seen[record.SopInstanceUid]}");
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
        int removed = 0;
        foreach (string sopInstanceUid in await FindRowsWithoutFileAsync(cancellationToken).ConfigureAwait(false))
        {
            await _writer.DeleteAsync(sopInstanceUid, cancellationToken).ConfigureAwait(false);
            removed++;
        }

        return new ReindexResult(indexed, failed) { Removed = removed };
    }

    private Task<List<string>> FindRowsWithoutFileAsync(CancellationToken cancellationToken) => Task.Run(
        () =>
        {
            using SqliteConnection connection = _writer.Database.OpenConnection();
            using SqliteCommand command = connection.CreateCommand();
            command.CommandText = "SELECT sop_instance_uid, file_path FROM instance ORDER BY pk";
            using SqliteDataReader reader = command.ExecuteReader();
            var missing = new List<string>();
            while (reader.Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!File.Exists(reader.GetString(1)))
                {
                    missing.Add(reader.GetString(0));
                }
            }

            return missing;
        },
        cancellationToken);

    private IEnumerable<string> StoredFiles() => Directory.EnumerateDirectories(_store.DataFolder)
        .Where(study => !Path.GetFileName(study).StartsWith('.')) // .incoming, .journal
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
