using System.Buffers;

namespace PacsNode.Dicom.IO;

/// <summary>
/// The bytes a reader has fetched so far, as a chain of chunks that stays alive for as long as the dataset
/// refers to it: element values are slices of these chunks, so every byte is read into memory once and never
/// copied again. Chunks are plain arrays owned by the garbage collector, not pooled, because a dataset's
/// lifetime is not scoped: a pooled chunk returned while a value still points into it would corrupt data.
/// </summary>
internal sealed class ChunkSource
{
    private const int FirstChunk = 64 * 1024;
    private const int LargestChunk = 8 * 1024 * 1024;

    private readonly Stream? _stream;
    private readonly long _maxBytes;
    private Segment? _first;
    private Segment? _last;
    private long _baseOffset;
    private long _buffered;
    private int _nextChunk = FirstChunk;
    private bool _skippedSinceAppend;

    public ChunkSource(Stream stream, long maxBytes, long startOffset = 0)
    {
        _stream = stream;
        _maxBytes = maxBytes;
        _baseOffset = startOffset;
        if (stream.CanSeek)
        {
            KnownEnd = startOffset + (stream.Length - stream.Position);
        }
    }

    public ChunkSource(ReadOnlySequence<byte> complete, long startOffset = 0)
    {
        _baseOffset = startOffset;
        foreach (ReadOnlyMemory<byte> memory in complete)
        {
            Append(memory);
        }

        IsComplete = true;
        KnownEnd = startOffset + complete.Length;
    }

    /// <summary>True when the source has been read to its end.</summary>
    public bool IsComplete { get; private set; }

    /// <summary>The absolute offset of the end of the data, when the source knows it.</summary>
    public long? KnownEnd { get; }

    /// <summary>The absolute offset one past the last buffered byte.</summary>
    public long BufferedEnd => _baseOffset + _buffered;

    public bool IsSeekableFile => _stream is FileStream { CanSeek: true };

    /// <summary>
    /// For a stream of known length: read everything that is left in one contiguous block (the common case of a
    /// whole file, where every value then is a slice of one array) rather than in growing chunks.
    /// </summary>
    public bool ReadWholeRest { get; set; }

    /// <summary>The buffered bytes from an absolute offset on.</summary>
    public ReadOnlySequence<byte> From(long offset)
    {
        if (_first is null || _last is null || offset >= BufferedEnd || _skippedSinceAppend)
        {
            // Nothing buffered from there on (a skipped value ended the chain); the next read starts a new one.
            return ReadOnlySequence<byte>.Empty;
        }

        var all = new ReadOnlySequence<byte>(_first, 0, _last, _last.Memory.Length);
        return all.Slice(offset - _baseOffset);
    }

    /// <summary>Reads one more chunk; false at the end of the stream.</summary>
    public async ValueTask<bool> ReadMoreAsync(CancellationToken cancellationToken)
    {
        if (IsComplete || _stream is null)
        {
            IsComplete = true;
            return false;
        }

        int size = _nextChunk;
        _nextChunk = Math.Min(_nextChunk * 2, LargestChunk);
        if (KnownEnd is { } end)
        {
            long left = Math.Max(1, end - BufferedEnd);
            size = (int)Math.Min(ReadWholeRest ? left : Math.Min(left, size), Array.MaxLength);
        }

        if (_buffered + size > _maxBytes)
        {
            size = (int)Math.Max(1, Math.Min(size, _maxBytes - _buffered + 1));
        }

        byte[] chunk = GC.AllocateUninitializedArray<byte>(size);
        int filled = 0;
        while (filled < size)
        {
            int n = await _stream.ReadAsync(chunk.AsMemory(filled), cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                IsComplete = true;
                break;
            }

            filled += n;
        }

        if (KnownEnd is { } known && BufferedEnd + filled >= known)
        {
            IsComplete = true;
        }

        if (filled > 0)
        {
            Append(chunk.AsMemory(0, filled));
        }

        if (_buffered > _maxBytes)
        {
            throw new DicomParseException(DicomParseError.SizeLimitExceeded, _maxBytes, null,
                $"the data exceeds the limit of {_maxBytes} bytes");
        }

        return filled > 0;
    }

    /// <summary>Skips bytes of a seekable stream that the parser left in the file.</summary>
    public void Skip(long count)
    {
        if (_stream is null || !_stream.CanSeek)
        {
            throw new InvalidOperationException("Only a seekable stream can leave values in the file.");
        }

        _stream.Seek(count, SeekOrigin.Current);
        _buffered += count;
        _skippedSinceAppend = true;
        if (KnownEnd is { } end && BufferedEnd >= end)
        {
            IsComplete = true;
        }
    }

    private void Append(ReadOnlyMemory<byte> memory)
    {
        if (memory.IsEmpty)
        {
            return;
        }

        if (_skippedSinceAppend || _last is null)
        {
            // Values left in the file break the chain: start a new one whose base is the current offset.
            long offset = BufferedEnd;
            _first = _last = new Segment(memory, 0);
            _baseOffset = offset;
            _buffered = memory.Length;
            _skippedSinceAppend = false;
            return;
        }

        _last = _last.Append(memory);
        _buffered += memory.Length;
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
