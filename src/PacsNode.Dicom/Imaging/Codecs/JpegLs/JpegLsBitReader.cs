namespace PacsNode.Dicom.Imaging.Codecs.JpegLs;

/// <summary>
/// JPEG-LS entropy-coded bits (T.87 9.1): after a 0xFF byte the next byte carries only 7 bits (its top bit is a
/// stuffed 0); a 0xFF followed by a byte with the top bit set is a marker, which ends the data.
/// </summary>
internal ref struct JpegLsBitReader
{
    private const int MaxPadding = 8;

    private readonly ReadOnlySpan<byte> _data;
    private int _position;
    private int _bits;
    private int _count;
    private bool _afterFF;
    private int _padding;

    public JpegLsBitReader(ReadOnlySpan<byte> data, int position)
    {
        _data = data;
        _position = position;
    }

    public int ReadBit()
    {
        if (_count == 0)
        {
            Fill();
        }

        _count--;
        return (_bits >> _count) & 1;
    }

    public int ReadBits(int n)
    {
        int value = 0;
        for (int i = 0; i < n; i++)
        {
            value = (value << 1) | ReadBit();
        }

        return value;
    }

    /// <summary>A limited-length Golomb code (T.87 A.5.3): unary high bits, then k low bits or an escape of qbpp bits.</summary>
    public int ReadGolomb(int k, int limit, int qbpp)
    {
        int high = 0;
        while (ReadBit() == 0)
        {
            if (++high > limit)
            {
                throw new DicomCodecException($"JPEG-LS: a unary code runs past the limit of {limit} bits.");
            }
        }

        if (high >= limit - (qbpp + 1))
        {
            return ReadBits(qbpp) + 1;
        }

        return k == 0 ? high : (high << k) | ReadBits(k);
    }

    private void Fill()
    {
        if (_position < _data.Length && !(_afterFF && (_data[_position] & 0x80) != 0))
        {
            byte b = _data[_position++];
            _count = _afterFF ? 7 : 8;
            _bits = _afterFF ? b & 0x7F : b;
            _afterFF = b == 0xFF;
            return;
        }

        if (++_padding > MaxPadding)
        {
            throw new DicomCodecException($"JPEG-LS: the entropy-coded data ends early, at byte {_position}.");
        }

        _bits = 0;
        _count = 8;
    }
}
