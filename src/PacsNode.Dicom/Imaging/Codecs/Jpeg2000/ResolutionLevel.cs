namespace PacsNode.Dicom.Imaging.Codecs.Jpeg2000;

/// <summary>A resolution level of a tile-component (T.800 B.5): its bounds, sub-bands and precinct grid.</summary>
internal sealed class ResolutionLevel(int x0, int y0, int x1, int y1, int precinctWidthExponent, int precinctHeightExponent)
{
    public int X0 { get; } = x0;

    public int Y0 { get; } = y0;

    public int X1 { get; } = x1;

    public int Y1 { get; } = y1;

    public int PrecinctWidthExponent { get; } = precinctWidthExponent;

    public int PrecinctHeightExponent { get; } = precinctHeightExponent;

    public int PrecinctsWide { get; } = x1 > x0 ? J2kMath.CeilDivPow2(x1, precinctWidthExponent) - (x0 >> precinctWidthExponent) : 0;

    public int PrecinctsHigh { get; } = y1 > y0 ? J2kMath.CeilDivPow2(y1, precinctHeightExponent) - (y0 >> precinctHeightExponent) : 0;

    public SubBand[] Bands { get; set; } = [];

    public Precinct[] Precincts { get; set; } = [];
}
