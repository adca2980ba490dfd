namespace PacsNode.Dicom.Imaging.Codecs.Jpeg2000;

/// <summary>
/// Reads packet header bits (T.800 B.10.1): most significant bit first, and after a 0xFF byte only seven bits of the
/// next byte, whose top bit is a stuffed zero. Reading past the end is a corrupt codestream, so no header can loop.
/// </summary>
internal ref struct PacketHeaderReader(ReadOnlySpan<byte> data, int position)
{
    private readonly ReadOnlySpan<byte> _data = data;
    private int _buffer;
    private int _bits;
    private bool _afterFF;

    public int Position { get; private set; } = position;

    public int ReadBit()
    {
        if (_bits == 0)
        {
            if (Position >= _data.Length)
            {
                throw J2kError.Corrupt("a packet header runs past the end of its data.");
            }

            _buffer = _data[Position++];
            _bits = _afterFF ? 7 : 8;
            _afterFF = _buffer == 0xFF;
        }

        _bits--;
        return (_buffer >> _bits) & 1;
    }

    public int ReadBits(int count)
    {
        int value = 0;
        for (int i = 0; i < count; i++)
        {
            value = (value << 1) | ReadBit();
        }

        return value;
    }

    /// <summary>Ends the header on a byte boundary; a final 0xFF byte is followed by a stuffed byte that belongs to it.</summary>
    public void Align()
    {
        if (_afterFF)
        {
            if (Position >= _data.Length)
            {
                throw J2kError.Corrupt("a packet header ends on 0xFF at the end of its data.");
            }

            Position++;
            _afterFF = false;
        }

        _bits = 0;
    }
}
