namespace PacsNode.Dicom.Imaging.Codecs.Jpeg;

/// <summary>
/// Reads entropy-coded bits (T.81 F.2.2.5) through a 64-bit buffer: 0xFF 0x00 is a stuffed 0xFF; a marker ends the
/// data, after which only 1-bits are supplied (bounded: a stream that keeps asking past its end is corrupt).
/// </summary>
internal ref struct JpegBitReader
{
    private const int MaxPaddingBytes = 8;

    private readonly ReadOnlySpan<byte> _data;
    private int _position;
    private ulong _buffer;
    private int _count;
    private int _padding;

    public JpegBitReader(ReadOnlySpan<byte> data, int position)
    {
        _data = data;
        _position = position;
    }

    public readonly int Position => _position;

    /// <summary>The next <paramref name="n"/> bits (n ≤ 32) without consuming them.</summary>
    public int Peek(int n)
    {
        if (_count < n)
        {
            Fill(n);
        }

        return (int)((_buffer >> (_count - n)) & ((1UL << n) - 1));
    }

    public void Skip(int n) => _count -= n;

    public int ReadBit()
    {
        int bit = Peek(1);
        _count--;
        return bit;
    }

    public int ReadBits(int n)
    {
        if (n == 0)
        {
            return 0;
        }

        int value = Peek(n);
        _count -= n;
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

    /// <summary>Drops the buffered bits and consumes the RSTn marker of a restart interval.</summary>
    public void Restart()
    {
        _count = 0;
        _buffer = 0;
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

    private void Fill(int needed)
    {
        while (_count < needed || _count <= 56)
        {
            byte next;
            if (_position < _data.Length && _data[_position] != 0xFF)
            {
                next = _data[_position++];
            }
            else if (_position + 1 < _data.Length && _data[_position] == 0xFF && _data[_position + 1] == 0x00)
            {
                next = 0xFF;
                _position += 2;
            }
            else
            {
                // A marker or the end of the data: 1-bits, but not forever.
                if (_count >= needed)
                {
                    return;
                }

                if (++_padding > MaxPaddingBytes)
                {
                    throw new DicomCodecException($"JPEG: the entropy-coded data ends early, at byte {_position}.");
                }

                next = 0xFF;
            }

            _buffer = (_buffer << 8) | next;
            _count += 8;
        }
    }
}
