namespace PacsNode.Dicom.Imaging.Codecs.Jpeg2000;

/// <summary>
/// One code-block (T.800 B.7) in its sub-band's coordinates, with what tier-2 has gathered for it: inclusion, missing
/// bit-planes, Lblock, and its codeword segments' bytes and coding passes across the layers.
/// </summary>
internal sealed class CodeBlock(int x0, int y0, int x1, int y1)
{
    private byte[] _data = [];

    public int X0 { get; } = x0;

    public int Y0 { get; } = y0;

    public int X1 { get; } = x1;

    public int Y1 { get; } = y1;

    public bool Included { get; set; }

    public int ZeroBitplanes { get; set; }

    public int LengthBits { get; set; } = 3;

    public int Passes { get; set; }

    public int DataLength { get; private set; }

    /// <summary>Each segment's pass count and byte length, in order; the bytes lie back to back in <see cref="Data"/>.</summary>
    public List<(int Passes, int Length)> Segments { get; } = [];

    public byte[] Data => _data;

    public void Append(ReadOnlySpan<byte> bytes)
    {
        if (DataLength + bytes.Length > _data.Length)
        {
            Array.Resize(ref _data, Math.Max(DataLength + bytes.Length, _data.Length * 2));
        }

        bytes.CopyTo(_data.AsSpan(DataLength));
        DataLength += bytes.Length;
    }
}
