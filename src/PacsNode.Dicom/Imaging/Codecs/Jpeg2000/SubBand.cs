namespace PacsNode.Dicom.Imaging.Codecs.Jpeg2000;

/// <summary>
/// A sub-band (T.800 B.5) in its own coordinates, with its nominal bit-planes Mb (E-2) and, for the 9/7 filter, its
/// quantisation step (E-3); its coefficients once tier-1 has decoded them, still with T.800 E.1.1.2's half-step bit.
/// </summary>
internal sealed class SubBand(int orientation, int x0, int y0, int x1, int y1, int bitplanes, float step)
{
    /// <summary>0 LL, 1 HL, 2 LH, 3 HH.</summary>
    public int Orientation { get; } = orientation;

    public int X0 { get; } = x0;

    public int Y0 { get; } = y0;

    public int X1 { get; } = x1;

    public int Y1 { get; } = y1;

    public int Width => X1 - X0;

    public int Height => Y1 - Y0;

    public int Bitplanes { get; } = bitplanes;

    public float Step { get; } = step;

    public int[] Coefficients { get; } = new int[(long)(x1 - x0) * (y1 - y0)];
}
