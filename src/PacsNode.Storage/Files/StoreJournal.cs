using System.Text;

namespace PacsNode.Storage.Files;

/// <summary>
/// The write-ahead journal of the file store under <see cref="StorageDurability.PowerLoss"/>: a received instance's
/// bytes are appended to a preallocated segment and flushed once (one device flush, shared by every store appending
/// at the same time) before Success, while its file, folder entries and index row are written without flushing. A
/// checkpoint flushes those later, in the background, for many instances at once, and moves the replay start past
/// them; after a power loss, replay writes every record after the checkpoint again. So a Success still means the
/// instance survives a power loss, at one flush instead of three.
/// <para>
/// Records are written under one lock, so they lie in sequence order; a record counts as durable once a flush that
/// started after it was written has succeeded (the flushes are grouped as in <see cref="FolderSyncCoalescer"/>). A
/// record stays "unapplied" from its append until the store says its file and index row are written; a checkpoint
/// never passes an unapplied record. A failed flush or write poisons the journal: every later append fails (the node
/// answers failures) until a restart replays what was acknowledged, because after a failed fsync the kernel may have
/// dropped the dirty pages and a later fsync could succeed without them.
/// </para>
/// </summary>
internal sealed partial class StoreJournal : IDisposable
{
    public const string FolderName = ".journal";

    /// <summary>64 MiB: a couple of whole-body PET/CT series per segment.</summary>
    public const long DefaultSegmentBytes = 64L << 20;

    private readonly string _folder;
    private readonly long _segmentBytes;
    private readonly JournalCheckpoint _checkpoint;
    private readonly Lock _gate = new();
    private readonly SortedDictionary<long, JournalPosition> _unapplied = [];
    private readonly Dictionary<long, JournalSegment> _segments = [];
    private readonly Queue<string> _spares = new();
    private readonly HashSet<JournalSegment> _dirty = [];
    private JournalSegment _current;
    private long _offset;
    private long _nextSequence;
    private Task<JournalSegment>? _prepared;
    private JournalSegment? _ready;
    private readonly ManualResetEventSlim _notPreparing = new(initialState: true);
    private Exception? _failure;
    private bool _disposed;
    private int _disposeStarted;

    // Group flushing: sequences written / flushed, the flush running and the one queued behind it.
    private long _durableSequence;
    private TaskCompletionSource? _running;
    private long _runningTarget = -1;
    private TaskCompletionSource? _next;

    private StoreJournal(string folder, long segmentBytes, JournalCheckpoint checkpoint, JournalSegment current)
    {
        _folder = folder;
        _segmentBytes = segmentBytes;
        _checkpoint = checkpoint;
        _current = current;
    }

    /// <summary>Records found after the checkpoint when the journal was opened, in order: replay them.</summary>
    public IReadOnlyList<JournalRecord> Pending { get; private set; } = [];

    /// <summary>The largest payload an <see cref="JournalRecordKind.Instance"/> record may carry (half a segment).</summary>
    public long MaxPayload => _segmentBytes / 2;

    /// <summary>Where replay would start now.</summary>
    public JournalPosition CheckpointPosition => _checkpoint.Position;

    /// <summary>The number of records appended since this journal was opened, for logs and tests.</summary>
    public long AppendedSinceOpen { get; private set; }

    /// <summary>
    /// Opens the journal in <paramref name="folder"/> (creating it), finds the records after the checkpoint
    /// (<see cref="Pending"/>, unapplied until the caller replays them), and moves to a new epoch.
    /// </summary>
    public static StoreJournal Open(string folder, long segmentBytes = DefaultSegmentBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(segmentBytes, 64 * 1024);
        folder = Path.GetFullPath(folder);
        if (!Directory.Exists(folder))
        {
            _ = Directory.CreateDirectory(folder);
            DirectorySync.Flush(Path.GetDirectoryName(folder)!);
        }

        var checkpoint = JournalCheckpoint.OpenNextEpoch(folder);
        try
        {
            return OpenFrom(folder, segmentBytes, checkpoint);
        }
        catch
        {
            checkpoint.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Appends a record and completes when it is durable (<see cref="WriteAsync"/>, then <see cref="FlushAsync(JournalRecord)"/>).
    /// </summary>
    public async ValueTask<JournalRecord> AppendAsync(
        JournalRecordKind kind, string relativePath, string? replacedRelativePath, DateTimeOffset receivedAt,
        IReadOnlyList<ReadOnlyMemory<byte>> payload, CancellationToken cancellationToken)
    {
        JournalRecord record = await WriteAsync(kind, relativePath, replacedRelativePath, receivedAt, payload, cancellationToken)
            .ConfigureAwait(false);
        await FlushAsync(record).ConfigureAwait(false);
        return record;
    }

    /// <summary>
    /// Writes a record into the journal (the operating system's cache) and returns it, not yet durable: it counts as
    /// acknowledged-safe only once <see cref="FlushAsync(JournalRecord)"/> has completed for it. Completes
    /// synchronously unless the next segment must be waited for. <paramref name="payload"/> (the instance's Part 10
    /// bytes, or nothing for a reference) has been copied when this completes. The record is unapplied until
    /// <see cref="MarkApplied"/>.
    /// </summary>
    public async ValueTask<JournalRecord> WriteAsync(
        JournalRecordKind kind, string relativePath, string? replacedRelativePath, DateTimeOffset receivedAt,
        IReadOnlyList<ReadOnlyMemory<byte>> payload, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(relativePath); // a record without one reads back as the journal's end
        ArgumentNullException.ThrowIfNull(payload);
        long payloadLength = 0;
        foreach (ReadOnlyMemory<byte> block in payload)
        {
            payloadLength += block.Length;
        }

        if (payloadLength > MaxPayload)
        {
            throw new ArgumentException($"A journal payload of {payloadLength} bytes is over the limit of {MaxPayload}.", nameof(payload));
        }

        // With a long path a payload within the limit can still make a record no segment holds: it would move to
        // a fresh segment after fresh segment for ever.
        long recordSize = JournalRecord.TotalSize(Encoding.UTF8.GetByteCount(relativePath),
            replacedRelativePath is null ? 0 : Encoding.UTF8.GetByteCount(replacedRelativePath), payloadLength);
        if (recordSize > _segmentBytes)
        {
            throw new ArgumentException(
                $"A journal record of {recordSize} bytes (its paths are too long) is larger than a segment ({_segmentBytes}).", nameof(relativePath));
        }

        uint payloadCrc = Crc32C.Append(0, payload);
        while (true)
        {
            Task<JournalSegment>? preparing;
            lock (_gate)
            {
                ThrowIfFailed();
                byte[] head = JournalRecord.EncodeHead(kind, _checkpoint.Epoch, _nextSequence, receivedAt, relativePath,
                    replacedRelativePath, payloadCrc, payloadLength);
                long size = (head.Length + payloadLength + 7) & ~7L;
                if (_offset + size <= _current.Length)
                {
                    return Write(kind, head, size, receivedAt, relativePath, replacedRelativePath, payload, payloadLength);
                }

                preparing = _prepared ??= PrepareNext();
            }

            await SwitchSegmentAsync(preparing, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Completes when <paramref name="record"/> (from <see cref="WriteAsync"/>) is durable; see the private overload.</summary>
    public ValueTask FlushAsync(JournalRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return FlushAsync(record.Position.Sequence);
    }

    /// <summary>Reads a pending record's payload (for replay).</summary>
    public byte[] ReadPayload(JournalRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        JournalSegment segment;
        lock (_gate)
        {
            segment = _segments[record.Position.Segment];
        }

        var payload = new byte[record.PayloadLength];
        long done = 0;
        while (done < payload.Length)
        {
            int read = RandomAccess.Read(segment.Handle, payload.AsSpan((int)done), record.PayloadOffset + done);
            if (read <= 0)
            {
                throw new IOException($"Journal segment '{segment.Path}' ended inside record {record.Position.Sequence}.");
            }

            done += read;
        }

        return payload;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposeStarted, 1) != 0)
        {
            return;
        }

        StopFlusher(); // before the segments close: queued requests flush or fail first
        lock (_gate)
        {
            _failure ??= new ObjectDisposedException(nameof(StoreJournal));
            _disposed = true;
            foreach (JournalSegment segment in _segments.Values)
            {
                segment.Dispose();
            }

            _segments.Clear();

            // A segment still being prepared is closed when its preparation ends (see Ready); its file is a spare at
            // the next opening.
            _ready?.Dispose();
            _ready = null;
        }

        // No preparation starts after this point (appends now fail); wait for one under way, so that nothing writes
        // in the journal's folder once Dispose has returned (a folder deleted right after saw a file appear in it).
        // A deliberate blocking wait, at most one segment's zero fill: Dispose is synchronous.
        _notPreparing.Wait();
        _notPreparing.Dispose();
        _checkpoint.Dispose();
    }

    private JournalRecord Write(
        JournalRecordKind kind, byte[] head, long size, DateTimeOffset receivedAt, string relativePath, string? replacedRelativePath,
        IReadOnlyList<ReadOnlyMemory<byte>> payload, long payloadLength)
    {
        var blocks = new List<ReadOnlyMemory<byte>>(payload.Count + 2) { head };
        blocks.AddRange(payload);
        int padding = (int)(size - head.Length - payloadLength);
        if (padding > 0)
        {
            blocks.Add(new byte[padding]);
        }

        var position = new JournalPosition(_current.Number, _offset, _nextSequence);
        try
        {
            RandomAccess.Write(_current.Handle, blocks, _offset);
        }
        catch (Exception exception)
        {
            _failure = new IOException($"Writing the store journal segment '{_current.Path}' failed; the journal is stopped.", exception);
            throw _failure;
        }

        _offset += size;
        _nextSequence++;
        _ = _dirty.Add(_current);
        _unapplied.Add(position.Sequence, position);
        AppendedSinceOpen++;
        if (_prepared is null && _offset > _current.Length / 2)
        {
            _prepared = PrepareNext();
        }

        return new JournalRecord
        {
            Kind = kind,
            Epoch = _checkpoint.Epoch,
            Position = position,
            ReceivedAt = receivedAt,
            RelativePath = relativePath,
            ReplacedRelativePath = replacedRelativePath,
            PayloadLength = payloadLength,
        };
    }

    /// <summary>
    /// Waits for the next segment (prepared on a pool thread) and makes it the current one, unless another append
    /// already did. A failed preparation fails this append only; the next one tries again.
    /// </summary>
    private async Task SwitchSegmentAsync(Task<JournalSegment> preparing, CancellationToken cancellationToken)
    {
        JournalSegment next;
        try
        {
            next = await preparing.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            lock (_gate)
            {
                if (ReferenceEquals(_prepared, preparing))
                {
                    _prepared = null;
                }
            }

            throw new IOException($"Preparing the next store journal segment in '{_folder}' failed.", exception);
        }

        lock (_gate)
        {
            if (ReferenceEquals(_prepared, preparing))
            {
                _prepared = null;
                _ready = null;
                _current = next;
                _segments[next.Number] = next;
                _offset = 0;
            }
        }
    }

    /// <summary>Prepares the segment after the current one on a pool thread (called under the lock).</summary>
    private Task<JournalSegment> PrepareNext()
    {
        long number = _current.Number + 1;
        _spares.TryDequeue(out string? spare);
        string folder = _folder;
        long length = _segmentBytes;
        _notPreparing.Reset();
        return Task.Run(() =>
        {
            try
            {
                return Ready(JournalSegment.Prepare(folder, number, length, spare));
            }
            finally
            {
                _notPreparing.Set();
            }
        });
    }

    /// <summary>
    /// Holds a prepared segment for <see cref="Dispose"/> until it becomes the current one, or closes it at once when
    /// the journal was disposed while it was being prepared: an open segment handle keeps the file locked, so a
    /// journal opened again on the folder in the same process (a store reopened, a test) could not open it.
    /// </summary>
    private JournalSegment Ready(JournalSegment segment)
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                _ready = segment;
                return segment;
            }
        }

        segment.Dispose();
        return segment;
    }

    private void ThrowIfFailed()
    {
        if (_failure is not null)
        {
            throw _failure as IOException ?? new IOException("The store journal is stopped.", _failure);
        }
    }
}
