using System.Buffers;
using PacsNode.Dicom.IO.Buffers;

namespace PacsNode.Dicom.IO;

/// <summary>
/// An encoded dataset as an ordered list of parts: headers and small values gathered into pooled blocks, large
/// values referenced where they already are (never copied), so a whole-body series is written with one copy of
/// its pixels at most: the one into the destination.
/// </summary>
internal sealed class EncodedParts : IDisposable
{
    private const int BlockSize = 32 * 1024;
    private const int InlineLimit = 1024;

    private readonly List<Part> _parts = [];
    private readonly List<byte[]> _rented = [];
    private byte[] _block;
    private int _blockStart;
    private int _used;

    public EncodedParts()
    {
        _block = Rent();
    }

    public long Length { get; private set; }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            if (_used == _block.Length)
            {
                NewBlock();
            }

            int n = Math.Min(bytes.Length, _block.Length - _used);
            bytes[..n].CopyTo(_block.AsSpan(_used));
            _used += n;
            Length += n;
            bytes = bytes[n..];
        }
    }

    public void WriteByte(byte value, int count)
    {
        Span<byte> b = stackalloc byte[1];
        b[0] = value;
        for (int i = 0; i < count; i++)
        {
            Write(b);
        }
    }

    public void Write(DicomBuffer buffer)
    {
        if (buffer.Length == 0)
        {
            return;
        }

        if (buffer.IsInMemory && buffer.Length <= InlineLimit)
        {
            Write(buffer.Span);
            return;
        }

        CloseBlock();
        _parts.Add(new Part(default, buffer));
        Length += buffer.Length;
    }

    public async ValueTask CopyToAsync(Stream destination, CancellationToken cancellationToken)
    {
        CloseBlock();
        foreach (Part part in _parts)
        {
            if (part.Buffer is { } buffer)
            {
                await buffer.CopyToAsync(destination, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await destination.WriteAsync(part.Bytes, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Copies everything into one array; only for in-memory parts (tests and small datasets).</summary>
    public byte[] ToArray()
    {
        CloseBlock();
        byte[] result = new byte[Length];
        int at = 0;
        foreach (Part part in _parts)
        {
            ReadOnlySpan<byte> span = part.Buffer is { } b ? b.Memory.Span : part.Bytes.Span;
            span.CopyTo(result.AsSpan(at));
            at += span.Length;
        }

        return result;
    }

    public void Dispose()
    {
        foreach (byte[] block in _rented)
        {
            ArrayPool<byte>.Shared.Return(block);
        }

        _rented.Clear();
        _parts.Clear();
    }

    private void CloseBlock()
    {
        if (_used > _blockStart)
        {
            _parts.Add(new Part(_block.AsMemory(_blockStart, _used - _blockStart), null));
            _blockStart = _used;
        }
    }

    private void NewBlock()
    {
        CloseBlock();
        _block = Rent();
        _blockStart = 0;
        _used = 0;
    }

    private byte[] Rent()
    {
        byte[] block = ArrayPool<byte>.Shared.Rent(BlockSize);
        _rented.Add(block);
        return block;
    }

    private readonly record struct Part(ReadOnlyMemory<byte> Bytes, DicomBuffer? Buffer);
}
