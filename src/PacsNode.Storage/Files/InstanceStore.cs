using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Win32.SafeHandles;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO;

namespace PacsNode.Storage.Files;

/// <summary>
/// One file per instance at DataFolder/StudyUID/SeriesUID/SOPInstanceUID.dcm, every UID checked against PS3.5 9.1
/// first. A store writes to DataFolder/.incoming (same volume) and renames the file into place; when a store call
/// returns Stored or Replaced the file survives a crash. Under <see cref="StorageDurability.PowerLoss"/> a received
/// instance (up to half a journal segment) is appended to the <see cref="StoreJournal"/> in DataFolder/.journal and
/// that append is flushed before the rename; the file, its folders and its index row are flushed by a later
/// checkpoint (<see cref="CheckpointAsync(CancellationToken)"/>), and replayed from the journal after a power loss. A larger instance, or
/// one stored from a stream or a DicomFile, is flushed itself, renamed, its folder flushed, and a reference record
/// journaled (its index row is flushed by the checkpoint too). Under ProcessCrash nothing is flushed. Two stores of
/// the same SOP Instance UID are serialised by a lock stripe keyed on the UID.
/// </summary>
public sealed partial class InstanceStore : IDisposable
{
    /// <summary>The folder under the data folder holding files being written.</summary>
    public const string IncomingFolderName = ".incoming";

    private const string TempExtension = ".tmp";
    private static readonly DicomReaderOptions HeaderOnly = new() { StopAtTag = DicomTag.PixelData };

    private readonly InstanceStoreOptions _options;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim[] _stripes;
    private readonly DurableFolders _folders;
    private readonly StoreJournal? _journal;

    public InstanceStore(InstanceStoreOptions options, ILogger<InstanceStore>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _logger = logger ?? NullLogger<InstanceStore>.Instance;
        _folders = new DurableFolders(options.Durability == StorageDurability.PowerLoss);
        DataFolder = Path.GetFullPath(options.DataFolder);
        IncomingFolder = Path.Combine(DataFolder, IncomingFolderName);
        Directory.CreateDirectory(IncomingFolder);
        if (options.Durability == StorageDurability.PowerLoss)
        {
            _journal = StoreJournal.Open(Path.Combine(DataFolder, StoreJournal.FolderName), options.JournalSegmentBytes);
        }

        _stripes = new SemaphoreSlim[256];
        for (int i = 0; i < _stripes.Length; i++)
        {
            _stripes[i] = new SemaphoreSlim(1, 1);
        }
    }

    public string DataFolder { get; }

    public string IncomingFolder { get; }

    /// <summary>Deletes files left in the incoming folder by a crash; call once at startup, before any store.</summary>
    public int SweepTemporaryFiles()
    {
        int count = 0;
        foreach (string file in Directory.EnumerateFiles(IncomingFolder, "*" + TempExtension))
        {
            File.Delete(file);
            count++;
        }

        if (count > 0)
        {
            StorageLog.TemporaryFilesSwept(_logger, count, IncomingFolder);
        }

        return count;
    }

    /// <summary>The path an instance is stored at; throws <see cref="InvalidUidException"/> for an invalid UID.</summary>
    public string GetPath(string? studyInstanceUid, string? seriesInstanceUid, string? sopInstanceUid) => Path.Combine(
        DataFolder,
        DicomUidValidator.Validate(studyInstanceUid, nameof(DicomTag.StudyInstanceUID)),
        DicomUidValidator.Validate(seriesInstanceUid, nameof(DicomTag.SeriesInstanceUID)),
        DicomUidValidator.Validate(sopInstanceUid, nameof(DicomTag.SOPInstanceUID)) + ".dcm");

    /// <summary>Free bytes on the data folder's volume.</summary>
    public long GetAvailableFreeSpace() => new DriveInfo(DataFolder).AvailableFreeSpace;

    /// <summary>Writes a file in its own transfer syntax.</summary>
    public Task<StoreResult> StoreAsync(DicomFile file, CancellationToken cancellationToken) =>
        StoreAsync(file, null, cancellationToken);

    /// <summary>
    /// Stores a Part 10 file read from a stream (a spooled C-STORE), byte for byte. The UIDs come from the written
    /// copy's header; a stream that fails midway leaves nothing behind.
    /// </summary>
    public Task<StoreResult> StoreAsync(Stream part10, CancellationToken cancellationToken) =>
        StoreAsync(part10, null, cancellationToken);

    /// <summary>
    /// As <see cref="StoreAsync(DicomFile, CancellationToken)"/>, with a coordinator that is asked, under the SOP
    /// Instance UID's lock, where the UID is already stored, and told the result before the lock is released.
    /// </summary>
    internal async Task<StoreResult> StoreAsync(DicomFile file, IStoreCoordinator? coordinator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        string path = GetPath(
            file.Dataset.GetString(DicomTag.StudyInstanceUID),
            file.Dataset.GetString(DicomTag.SeriesInstanceUID),
            file.Dataset.GetString(DicomTag.SOPInstanceUID));
        if (!HasFreeSpace())
        {
            return Refused(StoreOutcome.OutOfResources, string.Empty, file.Dataset, file.TransferSyntax.Uid);
        }

        if (coordinator is null && _options.DuplicatePolicy != DuplicatePolicy.Replace && File.Exists(path))
        {
            return Refused(DuplicateOutcome(), path, file.Dataset, file.TransferSyntax.Uid);
        }

        await RecoverAsync(coordinator).ConfigureAwait(false);
        string temp = NewTempPath();
        try
        {
            await WriteDurablyAsync(temp, stream => file.WriteAsync(stream, null, cancellationToken), cancellationToken)
                .ConfigureAwait(false);
            return (await CommitAsync(temp, path, file.Dataset, file.TransferSyntax.Uid, coordinator, null, false, cancellationToken)
                .ConfigureAwait(false)).Store;
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>As <see cref="StoreAsync(Stream, CancellationToken)"/>, with a coordinator (see the DicomFile overload).</summary>
    internal async Task<StoreResult> StoreAsync(Stream part10, IStoreCoordinator? coordinator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(part10);
        if (!HasFreeSpace())
        {
            return new StoreResult(StoreOutcome.OutOfResources, string.Empty, string.Empty, string.Empty, string.Empty,
                string.Empty, string.Empty, 0, null);
        }

        await RecoverAsync(coordinator).ConfigureAwait(false);
        string temp = NewTempPath();
        try
        {
            await WriteDurablyAsync(temp, stream => part10.CopyToAsync(stream, cancellationToken), cancellationToken)
                .ConfigureAwait(false);
            DicomFile header = await DicomFile.OpenAsync(temp, HeaderOnly, cancellationToken).ConfigureAwait(false);
            string path = GetPath(
                header.Dataset.GetString(DicomTag.StudyInstanceUID),
                header.Dataset.GetString(DicomTag.SeriesInstanceUID),
                header.Dataset.GetString(DicomTag.SOPInstanceUID));
            return (await CommitAsync(temp, path, header.Dataset, header.TransferSyntax.Uid, coordinator, null, false, cancellationToken)
                .ConfigureAwait(false)).Store;
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>
    /// Stores a received instance whose Part 10 bytes are given in order as blocks (preamble and file meta
    /// information, then the dataset as received), byte for byte, in one gathered write. <paramref name="dataset"/>
    /// is those bytes' dataset parsed at least up to Pixel Data: it names the path and feeds the index, so nothing is
    /// read back from the disk.
    /// </summary>
    internal async Task<StoreResult> StoreAsync(
        IReadOnlyList<ReadOnlyMemory<byte>> part10, DicomDataset dataset, string transferSyntaxUid, IStoreCoordinator? coordinator,
        CancellationToken cancellationToken) =>
        (await StoreAsync(part10, dataset, transferSyntaxUid, coordinator, indexBehind: false, cancellationToken).ConfigureAwait(false)).Store;

    /// <summary>
    /// As the overload above; with <paramref name="indexBehind"/>, a journaled new or replacing instance completes once
    /// it is durable and its index row is committed after (<see cref="StoreReceipt.Indexed"/>; see InstanceStore.IndexBehind.cs).
    /// </summary>
    internal async Task<StoreReceipt> StoreAsync(
        IReadOnlyList<ReadOnlyMemory<byte>> part10, DicomDataset dataset, string transferSyntaxUid, IStoreCoordinator? coordinator,
        bool indexBehind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(part10);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(transferSyntaxUid);
        string path = GetPath(
            dataset.GetString(DicomTag.StudyInstanceUID),
            dataset.GetString(DicomTag.SeriesInstanceUID),
            dataset.GetString(DicomTag.SOPInstanceUID));
        if (!HasFreeSpace())
        {
            return StoreReceipt.AlreadyIndexed(Refused(StoreOutcome.OutOfResources, string.Empty, dataset, transferSyntaxUid));
        }

        await RecoverAsync(coordinator).ConfigureAwait(false);
        long size = 0;
        foreach (ReadOnlyMemory<byte> block in part10)
        {
            size += block.Length;
        }

        IReadOnlyList<ReadOnlyMemory<byte>>? journaled = _journal is not null && size <= _journal.MaxPayload ? part10 : null;
        string temp = NewTempPath();
        try
        {
            if (journaled is null)
            {
                WriteFile(temp, part10, flush: FlushesToDevice);
            }
            else if (indexBehind)
            {
                await MakeRoomBehindAsync().ConfigureAwait(false);
            }

            // Journaled: the temporary file is written under the UID's lock while the journal record is flushed.
            return await CommitAsync(temp, path, dataset, transferSyntaxUid, coordinator, journaled, indexBehind && journaled is not null,
                cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>
    /// Creates <paramref name="temp"/> and writes the blocks with positional gathered writes (pwritev, a bounded number
    /// of blocks per call), then flushes it to the device when asked. Synchronous on purpose: a write of a few hundred
    /// KB into the page cache is shorter than a hop to an I/O thread, and the flush blocks either way.
    /// </summary>
    private static void WriteFile(string temp, IReadOnlyList<ReadOnlyMemory<byte>> blocks, bool flush)
    {
        const int BlocksPerWrite = 256;
        using SafeFileHandle handle = File.OpenHandle(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        long offset = 0;
        var batch = new List<ReadOnlyMemory<byte>>(Math.Min(blocks.Count, BlocksPerWrite));
        for (int i = 0; i < blocks.Count; i += BlocksPerWrite)
        {
            batch.Clear();
            long length = 0;
            for (int j = i; j < blocks.Count && j < i + BlocksPerWrite; j++)
            {
                batch.Add(blocks[j]);
                length += blocks[j].Length;
            }

            RandomAccess.Write(handle, batch, offset);
            offset += length;
        }

        if (flush)
        {
            RandomAccess.FlushToDisk(handle);
        }
    }

    private async Task WriteDurablyAsync(string temp, Func<Stream, Task> write, CancellationToken cancellationToken)
    {
        var stream = new FileStream(temp, new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
            Options = FileOptions.Asynchronous,
            BufferSize = 64 * 1024,
        });
        await using (stream.ConfigureAwait(false))
        {
            await write(stream).ConfigureAwait(false);
            await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            if (FlushesToDevice)
            {
                RandomAccess.FlushToDisk(stream.SafeFileHandle);
            }
        }
    }

    /// <summary>
    /// Under the UID's lock: decides new, duplicate or replacement (against the file at <paramref name="path"/> and,
    /// through the coordinator, a copy stored under other Study/Series UIDs), makes the store durable (journals
    /// <paramref name="journaled"/>, the file's bytes, and renames; or renames the flushed file, flushes its folder and
    /// journals a reference), and lets the coordinator index the outcome before another store of the same UID can
    /// start. A journal record is marked applied when this returns or fails, so a checkpoint can pass it. With
    /// <paramref name="indexBehind"/> a journaled Stored or Replaced returns once durable, and the index commit, the
    /// record's marking and the lock's release follow on a pool thread (<see cref="IndexBehind"/>).
    /// </summary>
    private async Task<StoreReceipt> CommitAsync(string temp, string path, DicomDataset dataset, string syntaxUid,
        IStoreCoordinator? coordinator, IReadOnlyList<ReadOnlyMemory<byte>>? journaled, bool indexBehind,
        CancellationToken cancellationToken)
    {
        string sopUid = Path.GetFileNameWithoutExtension(path);
        SemaphoreSlim stripe = _stripes[(uint)StringComparer.Ordinal.GetHashCode(sopUid) % (uint)_stripes.Length];
        await stripe.WaitAsync(cancellationToken).ConfigureAwait(false);
        JournalRecord? record = null;
        bool handedOver = false;
        try
        {
            string? elsewhere = coordinator?.FindStoredPath(sopUid);
            if (elsewhere is not null && (elsewhere.Equals(path, StringComparison.Ordinal) || !File.Exists(elsewhere)))
            {
                elsewhere = null;
            }

            bool exists = File.Exists(path);
            StoreResult result;
            if ((exists || elsewhere is not null) && _options.DuplicatePolicy != DuplicatePolicy.Replace)
            {
                result = Refused(DuplicateOutcome(), exists ? path : elsewhere!, dataset, syntaxUid);
            }
            else
            {
                string seriesFolder = Path.GetDirectoryName(path)!;
                if (_journal is not null && journaled is not null)
                {
                    record = await _journal.WriteAsync(JournalRecordKind.Instance, Relative(path), RelativeOrNull(elsewhere),
                        _options.TimeProvider.GetUtcNow(), journaled, cancellationToken).ConfigureAwait(false);
                    await WriteWhileFlushingAsync(temp, journaled, record).ConfigureAwait(false);
                    MoveIntoPlace(temp, path, exists);
                    NoteUnflushed(record, path, elsewhere);
                }
                else
                {
                    await _folders.PrepareAsync(seriesFolder).ConfigureAwait(false);
                    try
                    {
                        File.Move(temp, path, overwrite: exists);
                    }
                    catch (DirectoryNotFoundException)
                    {
                        // Removed from outside since it was made durable: make it again and retry once.
                        _folders.Forget(seriesFolder);
                        await _folders.PrepareAsync(seriesFolder).ConfigureAwait(false);
                        File.Move(temp, path, overwrite: exists);
                    }

                    await _folders.FlushAsync(seriesFolder).ConfigureAwait(false);
                    if (_journal is not null)
                    {
                        record = await _journal.AppendAsync(JournalRecordKind.Reference, Relative(path), RelativeOrNull(elsewhere),
                            _options.TimeProvider.GetUtcNow(), [], cancellationToken).ConfigureAwait(false);
                        NoteUnflushed(record, null, elsewhere);
                    }
                }

                StoreOutcome outcome = exists || elsewhere is not null ? StoreOutcome.Replaced : StoreOutcome.Stored;
                result = Result(outcome, path, dataset, syntaxUid, new FileInfo(path).Length) with
                {
                    ReplacedPath = elsewhere,
                };
            }

            if (coordinator is null)
            {
                return StoreReceipt.AlreadyIndexed(result);
            }

            if (indexBehind && record is not null && result.Outcome is StoreOutcome.Stored or StoreOutcome.Replaced)
            {
                Task indexed = IndexBehind(coordinator, result, record, stripe);
                handedOver = true;
                return new StoreReceipt(result, indexed);
            }

            await coordinator.CommittedAsync(result, cancellationToken).ConfigureAwait(false);
            return StoreReceipt.AlreadyIndexed(result);
        }
        finally
        {
            if (!handedOver)
            {
                if (record is not null)
                {
                    _journal!.MarkApplied(record);
                }

                stripe.Release();
            }
        }
    }

    /// <summary>
    /// Writes the temporary file on this thread while the journal's flusher thread flushes the record (or joins a flush
    /// under way), and returns once both are done: the file's write and the device flush overlap instead of adding up. The
    /// file is renamed into place only after this, so a power loss never leaves a torn file under a final name that no
    /// durable record would repair.
    /// </summary>
    private async Task WriteWhileFlushingAsync(string temp, IReadOnlyList<ReadOnlyMemory<byte>> blocks, JournalRecord record)
    {
        Task flushed = _journal!.FlushSoonAsync(record);
        try
        {
            WriteFile(temp, blocks, flush: false);
        }
        finally
        {
            await flushed.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        await flushed.ConfigureAwait(false);
    }

    /// <summary>
    /// Deletes a stored file that a replacement under other Study/Series UIDs made obsolete and flushes its folder
    /// (journaled: the checkpoint flushes it, and replay deletes the file again). Emptied folders are left: removing
    /// one could race with a store into the same series.
    /// </summary>
    internal void DeleteReplaced(string path)
    {
        string full = Path.GetFullPath(path);
        if (!IsUnderDataFolder(full))
        {
            throw new InvalidOperationException($"Refusing to delete '{full}': it is not under the data folder.");
        }

        File.Delete(full);
        if (_journal is null)
        {
            FlushFolder(Path.GetDirectoryName(full)!);
        }
    }

    private bool IsUnderDataFolder(string fullPath) =>
        fullPath.StartsWith(DataFolder + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private bool FlushesToDevice => _options.Durability == StorageDurability.PowerLoss;

    private void FlushFolder(string folder)
    {
        if (FlushesToDevice)
        {
            DirectorySync.Flush(folder);
        }
    }

    private bool HasFreeSpace()
    {
        long free = GetAvailableFreeSpace();
        if (free >= _options.MinimumFreeBytes)
        {
            return true;
        }

        StorageLog.OutOfSpace(_logger, free, DataFolder, _options.MinimumFreeBytes);
        return false;
    }

    private StoreOutcome DuplicateOutcome() =>
        _options.DuplicatePolicy == DuplicatePolicy.Reject ? StoreOutcome.Rejected : StoreOutcome.Duplicate;

    private StoreResult Refused(StoreOutcome outcome, string path, DicomDataset dataset, string syntaxUid)
    {
        if (outcome != StoreOutcome.OutOfResources)
        {
            string sopInstanceUid = Path.GetFileNameWithoutExtension(path);
            StorageLog.DuplicateInstance(_logger, sopInstanceUid, outcome);
        }

        return Result(outcome, path, dataset, syntaxUid, outcome == StoreOutcome.OutOfResources ? 0 : new FileInfo(path).Length);
    }

    private static StoreResult Result(StoreOutcome outcome, string path, DicomDataset dataset, string syntaxUid, long size) => new(
        outcome,
        path,
        dataset.GetString(DicomTag.StudyInstanceUID) ?? string.Empty,
        dataset.GetString(DicomTag.SeriesInstanceUID) ?? string.Empty,
        dataset.GetString(DicomTag.SOPInstanceUID) ?? string.Empty,
        dataset.GetString(DicomTag.SOPClassUID) ?? string.Empty,
        syntaxUid,
        size,
        dataset);

    public void Dispose() => _journal?.Dispose();

    private string NewTempPath() => Path.Combine(IncomingFolder, Guid.NewGuid().ToString("N") + TempExtension);
}
