namespace PacsNode.Dicom.Imaging.Codecs.Jpeg2000;

/// <summary>
/// One component of one tile with its geometry built per T.800 Annex B: resolution levels (B-14), sub-bands (B-15),
/// precincts (B-16) and code-blocks (B-17), each clipped to its parent's bounds.
/// </summary>
internal sealed class TileComponent
{
    public TileComponent(int x0, int y0, int x1, int y1, ComponentCodingStyle style, QuantizationParameters quantization,
        int precision, int roiShift)
    {
        X0 = x0;
        Y0 = y0;
        X1 = x1;
        Y1 = y1;
        Style = style;
        RoiShift = roiShift;
        int levels = style.Levels;
        Resolutions = new ResolutionLevel[levels + 1];
        for (int r = 0; r <= levels; r++)
        {
            int shift = levels - r;
            var resolution = new ResolutionLevel(
                J2kMath.CeilDivPow2(x0, shift), J2kMath.CeilDivPow2(y0, shift),
                J2kMath.CeilDivPow2(x1, shift), J2kMath.CeilDivPow2(y1, shift),
                style.PrecinctWidthExponent[r], style.PrecinctHeightExponent[r]);
            resolution.Bands = r == 0
                ? [MakeBand(0, 0, levels, quantization, precision, 0)]
                : [MakeBand(1, r, levels, quantization, precision, (3 * (r - 1)) + 1),
                   MakeBand(2, r, levels, quantization, precision, (3 * (r - 1)) + 2),
                   MakeBand(3, r, levels, quantization, precision, (3 * (r - 1)) + 3)];
            BuildPrecincts(resolution, r);
            Resolutions[r] = resolution;
        }
    }

    public int X0 { get; }

    public int Y0 { get; }

    public int X1 { get; }

    public int Y1 { get; }

    public ComponentCodingStyle Style { get; }

    public int RoiShift { get; }

    public ResolutionLevel[] Resolutions { get; }

    private SubBand MakeBand(int orientation, int r, int levels, QuantizationParameters quantization, int precision, int index)
    {
        int level = r == 0 ? levels : levels - r + 1;
        long xo = orientation is 1 or 3 ? 1L << (level - 1) : 0;
        long yo = orientation is 2 or 3 ? 1L << (level - 1) : 0;
        int Bound(int value, long offset) => (int)((value - offset + (1L << level) - 1) >> level);
        (int exponent, int mantissa) = quantization.ForBand(index, levels, level);
        int bitplanes = quantization.GuardBits + exponent - 1;
        if (bitplanes < 0)
        {
            throw J2kError.Corrupt("a sub-band with no magnitude bit-planes.");
        }

        int gain = orientation switch { 0 => 0, 3 => 2, _ => 1 };
        float step = (float)(Math.Pow(2, precision + gain - exponent) * (1 + (mantissa / 2048.0)));
        return new SubBand(orientation, Bound(X0, xo), Bound(Y0, yo), Bound(X1, xo), Bound(Y1, yo), bitplanes, step);
    }

    private void BuildPrecincts(ResolutionLevel resolution, int r)
    {
        int ppx = resolution.PrecinctWidthExponent;
        int ppy = resolution.PrecinctHeightExponent;
        int bandPpx = r == 0 ? ppx : ppx - 1;
        int bandPpy = r == 0 ? ppy : ppy - 1;
        int cbw = Math.Min(Style.CodeBlockWidthExponent, bandPpx);
        int cbh = Math.Min(Style.CodeBlockHeightExponent, bandPpy);
        long startX = (long)(resolution.X0 >> ppx) << ppx;
        long startY = (long)(resolution.Y0 >> ppy) << ppy;
        long bandStartX = r == 0 ? startX : (startX + 1) >> 1;
        long bandStartY = r == 0 ? startY : (startY + 1) >> 1;
        var precincts = new Precinct[resolution.PrecinctsWide * resolution.PrecinctsHigh];
        for (int p = 0; p < precincts.Length; p++)
        {
            long px0 = bandStartX + ((long)(p % resolution.PrecinctsWide) << bandPpx);
            long py0 = bandStartY + ((long)(p / resolution.PrecinctsWide) << bandPpy);
            var bands = new PrecinctBand[resolution.Bands.Length];
            for (int b = 0; b < bands.Length; b++)
            {
                SubBand band = resolution.Bands[b];
                long x0 = Math.Max(px0, band.X0);
                long y0 = Math.Max(py0, band.Y0);
                long x1 = Math.Min(px0 + (1L << bandPpx), band.X1);
                long y1 = Math.Min(py0 + (1L << bandPpy), band.Y1);
                bands[b] = x1 > x0 && y1 > y0
                    ? Blocks((int)x0, (int)y0, (int)x1, (int)y1, cbw, cbh)
                    : new PrecinctBand([], 0, 0);
            }

            precincts[p] = new Precinct(bands);
        }

        resolution.Precincts = precincts;
    }

    private static PrecinctBand Blocks(int x0, int y0, int x1, int y1, int cbw, int cbh)
    {
        int gridX = (x0 >> cbw) << cbw;
        int gridY = (y0 >> cbh) << cbh;
        int wide = (int)(((x1 + (1L << cbw) - 1 - gridX) >> cbw));
        int high = (int)(((y1 + (1L << cbh) - 1 - gridY) >> cbh));
        var blocks = new CodeBlock[wide * high];
        for (int j = 0; j < high; j++)
        {
            for (int i = 0; i < wide; i++)
            {
                long bx = gridX + ((long)i << cbw);
                long by = gridY + ((long)j << cbh);
                blocks[(j * wide) + i] = new CodeBlock(
                    (int)Math.Max(bx, x0), (int)Math.Max(by, y0),
                    (int)Math.Min(bx + (1L << cbw), x1), (int)Math.Min(by + (1L << cbh), y1));
            }
        }

        return new PrecinctBand(blocks, wide, high);
    }
}
