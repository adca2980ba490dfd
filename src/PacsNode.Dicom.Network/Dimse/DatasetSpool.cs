using System.Buffers;

namespace PacsNode.Dicom.Network.Dimse;

/// <summary>
/// Collects the dataset fragments of one DIMSE message: in memory up to a threshold, then in a temporary file
/// (asynchronous, deleted on close), so a large C-STORE is never held in memory whole. In memory the fragments are
/// kept as a list of segments, not one growing array: fragments handed over with <see cref="AdoptAsync"/> (the
/// received PDU bodies) are referenced without a copy, small ones are packed into shared chunks, and the dataset is
/// read back as a <see cref="ReadOnlySequence{T}"/> or as the segments themselves (one gathered write to a file).
/// </summary>
public sealed class DatasetSpool : IAsyncDisposable
{
    /// <summary>Fragments below this size are copied into a chunk rather than kept, so the segment count stays low.</summary>
    private const int SmallFragment = 4 * 1024;

    private const int ChunkSize = 32 * 1024;

    private readonly long _memoryThreshold;
    private readonly string _tempDirectory;
    private List<ReadOnlyMemory<byte>>? _segments = [];
    private byte[]? _chunk;
    private int _chunkUsed;
    private FileStream? _file;

    public DatasetSpool(long memoryThreshold, string tempDirectory)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(memoryThreshold);
        ArgumentNullException.ThrowIfNull(tempDirectory);
        _memoryThreshold = memoryThreshold;
        _tempDirectory = tempDirectory;
    }

    public long Length { get; private set; }

    public bool IsInMemory => _file is null;

    /// <summary>The temporary file once the spool has spilled to disk.</summary>
    public string? FilePath => _file?.Name;

    /// <summary>Appends a copy of <paramref name="data"/>; the caller may reuse its memory afterwards.</summary>
    public ValueTask AppendAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken) =>
        AppendAsync(data, false, cancellationToken);

    /// <summary>
    /// Appends <paramref name="data"/>, keeping a reference to it while in memory: the caller hands the memory over
    /// and never changes it again (a received PDU body, owned by nobody else).
    /// </summary>
    public ValueTask AdoptAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken) =>
        AppendAsync(data, true, cancellationToken);

    /// <summary>The bytes, when they are still in memory, as one block (copied when there are several segments).</summary>
    /// <exception cref="InvalidOperationException">The spool is on disk; use <see cref="CopyToAsync"/>.</exception>
    public ReadOnlyMemory<byte> GetMemory()
    {
        List<ReadOnlyMemory<byte>> segments = InMemorySegments();
        return segments.Count switch
        {
            0 => ReadOnlyMemory<byte>.Empty,
            1 => segments[0],
            _ => GetSequence().ToArray(),
        };
    }

    /// <summary>The bytes, when they are still in memory, without a copy.</summary>
    /// <exception cref="InvalidOperationException">The spool is on disk; use <see cref="CopyToAsync"/>.</exception>
    public ReadOnlySequence<byte> GetSequence() => MemorySegment.Build(InMemorySegments());

    /// <summary>The in-memory segments in order, for a gathered write; valid until the spool is disposed.</summary>
    /// <exception cref="InvalidOperationException">The spool is on disk; use <see cref="CopyToAsync"/>.</exception>
    public IReadOnlyList<ReadOnlyMemory<byte>> GetSegments() => InMemorySegments();

    /// <summary>Copies the whole dataset to <paramref name="destination"/>, from memory or from the spool file.</summary>
    public async Task CopyToAsync(Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (_file is null)
        {
            foreach (ReadOnlyMemory<byte> segment in _segments!)
            {
                await destination.WriteAsync(segment, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        await _file.FlushAsync(cancellationToken).ConfigureAwait(false);
        _file.Position = 0;
        await _file.CopyToAsync(destination, cancellationToken).ConfigureAwait(false);
        _file.Position = _file.Length;
    }

    public async ValueTask DisposeAsync()
    {
        _segments = null;
        _chunk = null;
        if (_file is not null)
        {
            await _file.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async ValueTask AppendAsync(ReadOnlyMemory<byte> data, bool adopt, CancellationToken cancellationToken)
    {
        if (_file is null && Length + data.Length > _memoryThreshold)
        {
            _file = new FileStream(Path.Combine(_tempDirectory, "pacsnode-" + Guid.NewGuid().ToString("N") + ".spool"),
                new FileStreamOptions
                {
                    Mode = FileMode.CreateNew,
                    Access = FileAccess.ReadWrite,
                    Share = FileShare.Read,
                    Options = FileOptions.Asynchronous | FileOptions.DeleteOnClose,
                    BufferSize = 64 * 1024,
                });
            foreach (ReadOnlyMemory<byte> segment in _segments!)
            {
                await _file.WriteAsync(segment, cancellationToken).ConfigureAwait(false);
            }

            _segments = null;
            _chunk = null;
        }

        if (_file is not null)
        {
            await _file.WriteAsync(data, cancellationToken).ConfigureAwait(false);
        }
        else if (adopt && data.Length >= SmallFragment)
        {
            _segments!.Add(data);
            _chunk = null;
        }
        else
        {
            Pack(data.Span);
        }

        Length += data.Length;
    }

    /// <summary>Copies into the current chunk (extending its last segment), starting new chunks as they fill.</summary>
    private void Pack(ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty)
        {
            if (_chunk is null || _chunkUsed == _chunk.Length)
            {
                _chunk = new byte[Math.Max(ChunkSize, data.Length)];
                _chunkUsed = 0;
                _segments!.Add(ReadOnlyMemory<byte>.Empty);
            }

            int n = Math.Min(data.Length, _chunk.Length - _chunkUsed);
            data[..n].CopyTo(_chunk.AsSpan(_chunkUsed));
            int start = _chunkUsed - _segments![^1].Length;
            _chunkUsed += n;
            _segments[^1] = _chunk.AsMemory(start, _chunkUsed - start);
            data = data[n..];
        }
    }

    private List<ReadOnlyMemory<byte>> InMemorySegments() =>
        _segments ?? throw new InvalidOperationException("The dataset was spooled to disk.");
}
