using System.Buffers;

namespace PacsNode.Dicom.Data.Text;

/// <summary>A growable byte buffer on pooled arrays, for building one encoded value.</summary>
internal ref struct ByteBuilder
{
    private byte[] _buffer;
    private int _length;

    public ByteBuilder(int capacity)
    {
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(capacity, 16));
        _length = 0;
    }

    public readonly ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _length);

    public void Append(byte value)
    {
        if (_length == _buffer.Length)
        {
            Grow(1);
        }

        _buffer[_length++] = value;
    }

    public void Append(scoped ReadOnlySpan<byte> values)
    {
        if (_length + values.Length > _buffer.Length)
        {
            Grow(values.Length);
        }

        values.CopyTo(_buffer.AsSpan(_length));
        _length += values.Length;
    }

    /// <summary>Space for at least <paramref name="sizeHint"/> bytes; call <see cref="Advance"/> after writing.</summary>
    public Span<byte> GetSpan(int sizeHint)
    {
        if (_length + sizeHint > _buffer.Length)
        {
            Grow(sizeHint);
        }

        return _buffer.AsSpan(_length);
    }

    public void Advance(int count) => _length += count;

    public void Dispose()
    {
        byte[] buffer = _buffer;
        _buffer = [];
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void Grow(int needed)
    {
        byte[] larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + needed));
        _buffer.AsSpan(0, _length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }
}
