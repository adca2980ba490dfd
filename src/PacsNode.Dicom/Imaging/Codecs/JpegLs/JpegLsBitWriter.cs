namespace PacsNode.Dicom.Imaging.Codecs.JpegLs;

/// <summary>Writes JPEG-LS bits with the 0xFF bit stuffing of T.87 9.1.</summary>
internal sealed class JpegLsBitWriter(List<byte> output)
{
    private int _bits;
    private int _count;
    private int _capacity = 8;

    public void Write(int value, int length)
    {
        for (int i = length - 1; i >= 0; i--)
        {
            _bits = (_bits << 1) | ((value >> i) & 1);
            if (++_count == _capacity)
            {
                Emit();
            }
        }
    }

    public void WriteGolomb(int value, int k, int limit, int qbpp)
    {
        int high = value >> k;
        if (high < limit - qbpp - 1)
        {
            Write(0, high);
            Write(1, 1);
            Write(value & ((1 << k) - 1), k);
        }
        else
        {
            Write(0, limit - qbpp - 1);
            Write(1, 1);
            Write(value - 1, qbpp);
        }
    }

    /// <summary>Pads the last byte with zeros (T.87 9.2: the padding bits are 0).</summary>
    public void Flush()
    {
        if (_count == 0 && _capacity == 7)
        {
            Write(0, 7); // a last 0xFF byte is followed by its stuffed byte, so that it cannot be read as a marker prefix
        }

        while (_count != 0)
        {
            Write(0, 1);
        }
    }

    private void Emit()
    {
        byte b = (byte)_bits;
        output.Add(b);
        _capacity = b == 0xFF ? 7 : 8;
        _bits = 0;
        _count = 0;
    }
}
