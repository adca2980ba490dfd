using System.Diagnostics;
using PacsNode.Dicom;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO;

namespace PacsNode.Storage.Files;

/// <summary>The store's side of the journal: what a checkpoint must flush, the checkpoint itself, and replay.</summary>
public sealed partial class InstanceStore
{
    private readonly Lock _unflushedGate = new();
    private readonly List<(long Sequence, string Path)> _unflushed = [];
    private readonly SemaphoreSlim _checkpointGate = new(1, 1);
    private readonly Lock _recoveryGate = new();
    private Task? _recovery;

    /// <summary>Whether stores are journaled (<see cref="StorageDurability.PowerLoss"/>).</summary>
    public bool IsJournaled => _journal is not null;

    /// <summary>The journal, for tests that inject failures into it; null unless journaled.</summary>
    internal StoreJournal? Journal => _journal;

    /// <summary>How many journal records the store found after the checkpoint when it opened (what replay applies).</summary>
    internal int PendingJournalRecords => _journal?.Pending.Count ?? 0;

    /// <summary>
    /// Flushes the files, folders and (through the archive) index rows of every journaled store applied so far, then
    /// moves the journal's replay start past them and reuses the segments behind it. Cheap when nothing changed; the
    /// node runs it every second or so and at shutdown. Replays the journal first if that has not happened yet.
    /// </summary>
    public Task CheckpointAsync(CancellationToken cancellationToken) => CheckpointAsync(null, cancellationToken);

    internal async Task CheckpointAsync(IStoreCoordinator? coordinator, CancellationToken cancellationToken)
    {
        if (_journal is null)
        {
            return;
        }

        await RecoverAsync(coordinator).ConfigureAwait(false);
        await CheckpointCoreAsync(coordinator, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Replays, once, the records the journal found after its checkpoint (the stores acknowledged before a crash whose
    /// files or index rows may not have reached the disk), then checkpoints. Every store awaits it first. A record whose
    /// content is unusable (no valid UIDs, a path that does not match them) is logged and skipped; an I/O failure fails
    /// the replay, and with it every store, leaving the journal as it is for the next start.
    /// </summary>
    internal Task RecoverAsync(IStoreCoordinator? coordinator)
    {
        if (_journal is null)
        {
            return Task.CompletedTask;
        }

        lock (_recoveryGate)
        {
            return _recovery ??= RecoverCoreAsync(coordinator);
        }
    }

    private async Task RecoverCoreAsync(IStoreCoordinator? coordinator)
    {
        IReadOnlyList<JournalRecord> pending = _journal!.Pending;
        if (pending.Count == 0)
        {
            return;
        }

        var watch = Stopwatch.StartNew();
        int replayed = 0;
        long bytes = 0;
        foreach (JournalRecord record in pending)
        {
            try
            {
                if (await ReplayAsync(record, coordinator).ConfigureAwait(false))
                {
                    replayed++;
                    bytes += record.PayloadLength;
                }
            }
            catch (Exception exception) when (exception is DicomException or InvalidUidException or InvalidDataException)
            {
                StorageLog.JournalRecordSkipped(_logger, record.Position.Sequence, record.RelativePath, exception);
            }

            _journal.MarkApplied(record);
        }

        await CheckpointCoreAsync(coordinator, CancellationToken.None).ConfigureAwait(false);
        StorageLog.JournalReplayed(_logger, replayed, pending.Count, bytes, watch.ElapsedMilliseconds);
    }

    /// <summary>Writes one record's file again (or re-reads a referenced one) and indexes it; false when there is nothing left to replay.</summary>
    private async Task<bool> ReplayAsync(JournalRecord record, IStoreCoordinator? coordinator)
    {
        string path = Resolve(record.RelativePath);
        string? replaced = record.ReplacedRelativePath is null ? null : Resolve(record.ReplacedRelativePath);
        StoreOutcome outcome = replaced is null ? StoreOutcome.Stored : StoreOutcome.Replaced;
        StoreResult result;
        if (record.Kind == JournalRecordKind.Instance)
        {
            byte[] bytes = _journal!.ReadPayload(record);
            var header = DicomFile.Parse(bytes, HeaderOnly);
            string expected = GetPath(
                header.Dataset.GetString(DicomTag.StudyInstanceUID),
                header.Dataset.GetString(DicomTag.SeriesInstanceUID),
                header.Dataset.GetString(DicomTag.SOPInstanceUID));
            if (!expected.Equals(path, StringComparison.Ordinal))
            {
                throw new InvalidDataException($"the record's path does not match its instance's UIDs ({expected})");
            }

            string temp = NewTempPath();
            try
            {
                WriteFile(temp, [bytes], flush: false);
                MoveIntoPlace(temp, path, overwrite: true);
            }
            finally
            {
                File.Delete(temp);
            }

            result = Result(outcome, path, header.Dataset, header.TransferSyntax.Uid, bytes.Length);
        }
        else if (File.Exists(path))
        {
            DicomFile header = await DicomFile.OpenAsync(path, HeaderOnly).ConfigureAwait(false);
            result = Result(outcome, path, header.Dataset, header.TransferSyntax.Uid, new FileInfo(path).Length);
        }
        else
        {
            return false; // flushed in place, then replaced or removed by a later record
        }

        NoteUnflushed(record, path, replaced);
        if (coordinator is not null)
        {
            await coordinator.RecoveredAsync(result with { ReplacedPath = replaced }, record.ReceivedAt, CancellationToken.None)
                .ConfigureAwait(false);
        }

        if (replaced is not null && !replaced.Equals(path, StringComparison.Ordinal))
        {
            DeleteReplaced(replaced);
        }

        return true;
    }

    private async Task CheckpointCoreAsync(IStoreCoordinator? coordinator, CancellationToken cancellationToken)
    {
        await _checkpointGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            JournalPosition target = _journal!.NextCheckpoint();
            if (target == _journal.CheckpointPosition)
            {
                return;
            }

            List<(long Sequence, string Path)> due;
            lock (_unflushedGate)
            {
                due = _unflushed.FindAll(u => u.Sequence < target.Sequence);
                _ = _unflushed.RemoveAll(u => u.Sequence < target.Sequence);
            }

            try
            {
                await Task.Run(() => FlushAll(DataFolder, due), cancellationToken).ConfigureAwait(false);
                if (coordinator is not null)
                {
                    await coordinator.FlushIndexAsync(cancellationToken).ConfigureAwait(false);
                }

                _journal.Advance(target);
            }
            catch
            {
                lock (_unflushedGate)
                {
                    _unflushed.AddRange(due); // the next checkpoint must flush them again
                }

                throw;
            }
        }
        finally
        {
            _checkpointGate.Release();
        }
    }

    /// <summary>
    /// Makes the files and folders durable: on Linux with one syncfs of the data folder's file system (one device
    /// flush for a second's worth of instances, where an fsync per file costs a flush each and delays the journal's
    /// own flushes queued behind them); elsewhere each file, then each folder once (its entries: renames, new
    /// subfolders, deletions).
    /// </summary>
    private static void FlushAll(string dataFolder, List<(long Sequence, string Path)> due)
    {
        if (due.Count == 0 || DirectorySync.TryFlushFileSystem(dataFolder))
        {
            return;
        }

        var folders = new SortedSet<string>(StringComparer.Ordinal);
        foreach (string path in due.Select(u => u.Path).Distinct(StringComparer.Ordinal))
        {
            if (Directory.Exists(path))
            {
                _ = folders.Add(path);
                continue;
            }

            try
            {
                using Microsoft.Win32.SafeHandles.SafeFileHandle handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read);
                RandomAccess.FlushToDisk(handle);
            }
            catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
            {
                // Replaced or deleted since: its folder (flushed below) records that.
            }
        }

        foreach (string folder in folders.Reverse())
        {
            if (Directory.Exists(folder))
            {
                DirectorySync.Flush(folder);
            }
        }
    }

    /// <summary>
    /// Remembers what a journaled store changed without flushing: the file, its series and study folders and the data
    /// folder (a new series or study folder is an entry in its parent), and the folder of a replaced copy. Called
    /// before the record is marked applied, so the checkpoint that passes the record flushes them.
    /// </summary>
    private void NoteUnflushed(JournalRecord record, string? path, string? replaced)
    {
        long sequence = record.Position.Sequence;
        lock (_unflushedGate)
        {
            if (path is not null)
            {
                string series = Path.GetDirectoryName(path)!;
                string study = Path.GetDirectoryName(series)!;
                _unflushed.Add((sequence, path));
                _unflushed.Add((sequence, series));
                _unflushed.Add((sequence, study));
                _unflushed.Add((sequence, DataFolder));
            }

            if (replaced is not null)
            {
                _unflushed.Add((sequence, Path.GetDirectoryName(replaced)!));
            }
        }
    }

    /// <summary>Renames a written temporary file to its path, making the folders first; nothing is flushed.</summary>
    private static void MoveIntoPlace(string temp, string path, bool overwrite)
    {
        _ = Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Move(temp, path, overwrite);
    }

    private string Relative(string path) => Path.GetRelativePath(DataFolder, path);

    private string? RelativeOrNull(string? path) => path is null ? null : Relative(path);

    /// <summary>A journal record's relative path as a full path, refused unless it lies under the data folder.</summary>
    private string Resolve(string relative)
    {
        string full = Path.GetFullPath(Path.Combine(DataFolder, relative));
        return IsUnderDataFolder(full)
            ? full
            : throw new InvalidDataException($"the record's path '{relative}' is not under the data folder");
    }
}
