namespace PacsNode.Dicom.Imaging.Codecs.JpegLs;

/// <summary>
/// Writes JPEG-LS bits with the 0xFF bit stuffing of T.87 9.1: a byte after 0xFF holds 7 bits under a 0 bit.
/// Bits gather in a 64-bit accumulator (right-aligned) and leave a byte at a time.
/// </summary>
internal sealed class JpegLsBitWriter(List<byte> output)
{
    private ulong _bits;
    private int _count;
    private int _capacity = 8;

    /// <summary>Appends the low <paramref name="length"/> bits of <paramref name="value"/> (a unary run of up to 56 bits is one call).</summary>
    public void Write(int value, int length)
    {
        if (length == 0)
        {
            return;
        }

        _bits = (_bits << length) | ((uint)value & (uint)((1L << length) - 1));
        _count += length;
        while (_count >= _capacity)
        {
            _count -= _capacity;
            byte b = (byte)(_bits >> _count);
            _bits &= (1UL << _count) - 1;
            output.Add(b);
            _capacity = b == 0xFF ? 7 : 8;
        }
    }

    public void WriteGolomb(int value, int k, int limit, int qbpp)
    {
        int high = value >> k;
        if (high < limit - qbpp - 1)
        {
            Write(1, high + 1);
            Write(value & ((1 << k) - 1), k);
        }
        else
        {
            Write(1, limit - qbpp);
            Write(value - 1, qbpp);
        }
    }

    /// <summary>
    /// Pads the last byte with zeros (T.87 9.2: the padding bits are 0); a last 0xFF byte gets its stuffed byte,
    /// so that it cannot be read as a marker prefix.
    /// </summary>
    public void Flush()
    {
        if (_count == 0 && _capacity == 7)
        {
            Write(0, 7);
        }

        if (_count != 0)
        {
            Write(0, _capacity - _count);
        }
    }
}
