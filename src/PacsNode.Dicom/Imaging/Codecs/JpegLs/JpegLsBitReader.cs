using System.Numerics;

namespace PacsNode.Dicom.Imaging.Codecs.JpegLs;

/// <summary>
/// JPEG-LS entropy-coded bits (T.87 9.1): after a 0xFF byte the next byte carries only 7 bits (its top bit is a
/// stuffed 0); a 0xFF followed by a byte with the top bit set is a marker, which ends the data. Bits are buffered
/// 64 at a time, left-aligned (the next bit is bit 63, bits past the count are 0), so that a Golomb code's unary
/// prefix is one leading-zero count. Past the end of the data up to 8 zero bytes are supplied (the encoder's
/// padding), then reading fails.
/// </summary>
internal ref struct JpegLsBitReader
{
    private const int MaxPadding = 8;

    private readonly ReadOnlySpan<byte> _data;
    private int _position;
    private ulong _bits;
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
            Need(1);
        }

        int bit = (int)(_bits >> 63);
        _bits <<= 1;
        _count--;
        return bit;
    }

    public int ReadBits(int n)
    {
        if (n == 0)
        {
            return 0;
        }

        if (_count < n)
        {
            Need(n);
        }

        int value = (int)(_bits >> (64 - n));
        _bits <<= n;
        _count -= n;
        return value;
    }

    /// <summary>A limited-length Golomb code (T.87 A.5.3): unary high bits, then k low bits or an escape of qbpp bits.</summary>
    public int ReadGolomb(int k, int limit, int qbpp)
    {
        int high = 0;
        while (true)
        {
            if (_count == 0)
            {
                Need(1);
            }

            if (_bits == 0)
            {
                high += _count;
                _count = 0;
            }
            else
            {
                int zeros = BitOperations.LeadingZeroCount(_bits);
                high += zeros;
                _bits <<= zeros + 1;
                _count -= zeros + 1;
                break;
            }

            if (high > limit)
            {
                break;
            }
        }

        if (high > limit)
        {
            throw new DicomCodecException($"JPEG-LS: a unary code runs past the limit of {limit} bits.");
        }

        if (high >= limit - (qbpp + 1))
        {
            return ReadBits(qbpp) + 1;
        }

        return k == 0 ? high : (high << k) | ReadBits(k);
    }

    /// <summary>Fills the buffer; fails when fewer than <paramref name="bits"/> bits are left even with padding.</summary>
    private void Need(int bits)
    {
        while (_count <= 56)
        {
            if (_position < _data.Length && !(_afterFF && (_data[_position] & 0x80) != 0))
            {
                byte b = _data[_position++];
                int width = _afterFF ? 7 : 8;
                _bits |= (ulong)(b & (_afterFF ? 0x7F : 0xFF)) << (64 - width - _count);
                _count += width;
                _afterFF = b == 0xFF;
            }
            else if (_padding < MaxPadding)
            {
                _padding++;
                _count += 8;
            }
            else
            {
                break;
            }
        }

        if (_count < bits)
        {
            throw new DicomCodecException($"JPEG-LS: the entropy-coded data ends early, at byte {_position}.");
        }
    }
}
