using System.Buffers;

namespace PacsNode.Dicom.IO.Buffers;

/// <summary>
/// A large value (pixel data) left in its file: the reader records where it is and skips it, and the bytes are
/// read only when written or decoded. Only for little-endian values, which need no byte swapping.
/// </summary>
internal sealed class FileDicomBuffer(string path, long offset, long length) : DicomBuffer
{
    private const int CopyChunk = 1 << 20;

    public string Path { get; } = path;

    public long Offset { get; } = offset;

    public override long Length => length;

    public override bool IsInMemory => false;

    public override ReadOnlyMemory<byte> Memory => throw new InvalidOperationException(
        $"The value is kept in '{Path}' at offset {Offset}; load it with GetMemoryAsync.");

    public override async ValueTask<ReadOnlyMemory<byte>> GetMemoryAsync(CancellationToken cancellationToken)
    {
        if (length > Array.MaxLength)
        {
            throw new DicomException($"The value of {length} bytes in '{Path}' is too large to load into memory.");
        }

        byte[] bytes = GC.AllocateUninitializedArray<byte>((int)length);
        using var handle = File.OpenHandle(Path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.Asynchronous);
        await ReadExactlyAsync(handle, bytes, Offset, cancellationToken).ConfigureAwait(false);
        return bytes;
    }

    public override async ValueTask CopyToAsync(Stream destination, CancellationToken cancellationToken)
    {
        using var handle = File.OpenHandle(Path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.Asynchronous);
        byte[] chunk = ArrayPool<byte>.Shared.Rent((int)Math.Min(CopyChunk, Math.Max(length, 1)));
        try
        {
            long done = 0;
            while (done < length)
            {
                int want = (int)Math.Min(chunk.Length, length - done);
                Memory<byte> target = chunk.AsMemory(0, want);
                await ReadExactlyAsync(handle, target, Offset + done, cancellationToken).ConfigureAwait(false);
                await destination.WriteAsync(target, cancellationToken).ConfigureAwait(false);
                done += want;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    private async ValueTask ReadExactlyAsync(
        Microsoft.Win32.SafeHandles.SafeFileHandle handle, Memory<byte> target, long at, CancellationToken ct)
    {
        int filled = 0;
        while (filled < target.Length)
        {
            int n = await RandomAccess.ReadAsync(handle, target[filled..], at + filled, ct).ConfigureAwait(false);
            if (n == 0)
            {
                throw new DicomException($"'{Path}' ended before the value at offset {Offset} of {Length} bytes.");
            }

            filled += n;
        }
    }
}
