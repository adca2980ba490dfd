namespace PacsNode.Dicom.Imaging.Codecs.Jpeg;

/// <summary>Writes entropy-coded bits most significant first, stuffing 0x00 after every 0xFF byte (T.81 F.1.2.3).</summary>
internal sealed class JpegBitWriter(List<byte> output)
{
    private int _bits;
    private int _count;

    public void Write(int value, int length)
    {
        for (int i = length - 1; i >= 0; i--)
        {
            _bits = (_bits << 1) | ((value >> i) & 1);
            if (++_count == 8)
            {
                Emit();
            }
        }
    }

    /// <summary>Pads the last byte with 1-bits.</summary>
    public void Flush()
    {
        while (_count != 0)
        {
            Write(1, 1);
        }
    }

    private void Emit()
    {
        byte b = (byte)_bits;
        output.Add(b);
        if (b == 0xFF)
        {
            output.Add(0x00);
        }

        _bits = 0;
        _count = 0;
    }
}
