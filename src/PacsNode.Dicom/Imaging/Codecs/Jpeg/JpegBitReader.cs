namespace PacsNode.Dicom.Imaging.Codecs.Jpeg;

/// <summary>
/// Reads entropy-coded bits (T.81 F.2.2.5): 0xFF 0x00 is a stuffed 0xFF; a marker ends the data, after which only
/// 1-bits are supplied (bounded: a stream that keeps asking past its end is corrupt).
/// </summary>
internal ref struct JpegBitReader
{
    private const int MaxPaddingBits = 64;

    private readonly ReadOnlySpan<byte> _data;
    private int _position;
    private int _bits;
    private int _count;
    private int _padding;

    public JpegBitReader(ReadOnlySpan<byte> data, int position)
    {
        _data = data;
        _position = position;
    }

    public readonly int Position => _position;

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

    /// <summary>One difference: the category from the table, then that many extra bits (T.81 H.1.2.2, F.2.2.1).</summary>
    public int DecodeDifference(HuffmanDecodingTable table)
    {
        int category = table.Decode(ref this);
        if (category == 0)
        {
            return 0;
        }

        if (category == 16)
        {
            return 32768;
        }

        if (category > 16)
        {
            throw new DicomCodecException($"JPEG Lossless: difference category {category} is out of range.");
        }

        int bits = ReadBits(category);
        return bits < 1 << (category - 1) ? bits - (1 << category) + 1 : bits;
    }

    /// <summary>Drops the remaining bits of the byte and consumes the RSTn marker of a restart interval.</summary>
    public void Restart()
    {
        _count = 0;
        _bits = 0;
        while (_position + 1 < _data.Length && !(_data[_position] == 0xFF && _data[_position + 1] is >= JpegMarker.Rst0 and <= JpegMarker.Rst7))
        {
            if (_data[_position] == 0xFF && _data[_position + 1] != 0x00)
            {
                throw new DicomCodecException($"JPEG: marker 0xFF{_data[_position + 1]:X2} found where a restart marker was due.");
            }

            _position++;
        }

        if (_position + 1 >= _data.Length)
        {
            throw new DicomCodecException("JPEG: the data ended where a restart marker was due.");
        }

        _position += 2;
        _padding = 0;
    }

    private void Fill()
    {
        if (_position < _data.Length && _data[_position] != 0xFF)
        {
            _bits = _data[_position++];
            _count = 8;
            return;
        }

        if (_position + 1 < _data.Length && _data[_position] == 0xFF && _data[_position + 1] == 0x00)
        {
            _bits = 0xFF;
            _position += 2;
            _count = 8;
            return;
        }

        // A marker or the end of the data: supply 1-bits, but not forever.
        if (++_padding > MaxPaddingBits / 8)
        {
            throw new DicomCodecException($"JPEG: the entropy-coded data ends early, at byte {_position}.");
        }

        _bits = 0xFF;
        _count = 8;
    }
}
