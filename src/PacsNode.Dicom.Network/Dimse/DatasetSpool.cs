using System.Buffers;

namespace PacsNode.Dicom.Network.Dimse;

/// <summary>
/// Collects the dataset fragments of one DIMSE message: in memory up to a threshold, then in a temporary file
/// (asynchronous, deleted on close), so a large C-STORE is never held in memory whole.
/// </summary>
public sealed class DatasetSpool : IAsyncDisposable
{
    private readonly long _memoryThreshold;
    private readonly string _tempDirectory;
    private ArrayBufferWriter<byte>? _memory = new();
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

    public async ValueTask AppendAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
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
            await _file.WriteAsync(_memory!.WrittenMemory, cancellationToken).ConfigureAwait(false);
            _memory = null;
        }

        if (_file is not null)
        {
            await _file.WriteAsync(data, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            _memory!.Write(data.Span);
        }

        Length += data.Length;
    }

    /// <summary>The bytes, when they are still in memory.</summary>
    /// <exception cref="InvalidOperationException">The spool is on disk; use <see cref="CopyToAsync"/>.</exception>
    public ReadOnlyMemory<byte> GetMemory() =>
        _memory?.WrittenMemory ?? throw new InvalidOperationException("The dataset was spooled to disk.");

    /// <summary>Copies the whole dataset to <paramref name="destination"/>, from memory or from the spool file.</summary>
    public async Task CopyToAsync(Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (_file is null)
        {
            await destination.WriteAsync(_memory!.WrittenMemory, cancellationToken).ConfigureAwait(false);
            return;
        }

        await _file.FlushAsync(cancellationToken).ConfigureAwait(false);
        _file.Position = 0;
        await _file.CopyToAsync(destination, cancellationToken).ConfigureAwait(false);
        _file.Position = _file.Length;
    }

    public async ValueTask DisposeAsync()
    {
        _memory = null;
        if (_file is not null)
        {
            await _file.DisposeAsync().ConfigureAwait(false);
        }
    }
}
