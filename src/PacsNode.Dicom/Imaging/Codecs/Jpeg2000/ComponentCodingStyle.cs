namespace PacsNode.Dicom.Imaging.Codecs.Jpeg2000;

/// <summary>
/// The per-component half of COD and COC (T.800 A.6.1, A.6.2, Tables A.15 to A.20): decomposition levels,
/// code-block size and style, the wavelet, and the precinct size of each resolution level.
/// </summary>
internal sealed class ComponentCodingStyle
{
    public const int Bypass = 0x01;
    public const int ResetContexts = 0x02;
    public const int TerminateAll = 0x04;
    public const int VerticallyCausal = 0x08;
    public const int PredictableTermination = 0x10;
    public const int SegmentationSymbols = 0x20;

    public int Levels { get; private init; }

    public int CodeBlockWidthExponent { get; private init; }

    public int CodeBlockHeightExponent { get; private init; }

    public int CodeBlockStyle { get; private init; }

    /// <summary>True for the reversible 5/3 filter, false for the irreversible 9/7.</summary>
    public bool Reversible { get; private init; }

    public int[] PrecinctWidthExponent { get; private init; } = [];

    public int[] PrecinctHeightExponent { get; private init; } = [];

    public bool Has(int style) => (CodeBlockStyle & style) != 0;

    /// <summary>Parses SPcod/SPcoc; <paramref name="customPrecincts"/> is bit 0 of Scod/Scoc.</summary>
    public static ComponentCodingStyle Parse(ReadOnlySpan<byte> sp, bool customPrecincts)
    {
        if (sp.Length < 5)
        {
            throw J2kError.Corrupt("a COD/COC segment is truncated.");
        }

        int levels = sp[0];
        int xcb = (sp[1] & 0x0F) + 2;
        int ycb = (sp[2] & 0x0F) + 2;
        if (levels > 32 || xcb > 10 || ycb > 10 || xcb + ycb > 12)
        {
            throw J2kError.Corrupt($"{levels} decomposition levels or code-blocks of 2^{xcb}×2^{ycb} are out of range.");
        }

        if ((sp[3] & 0xC0) != 0)
        {
            throw J2kError.NotSupported($"code-block style 0x{sp[3]:X2} (HTJ2K or unknown bits).");
        }

        if (sp[4] > 1)
        {
            throw J2kError.NotSupported($"wavelet transform {sp[4]} (Part 2 arbitrary filters).");
        }

        var ppx = new int[levels + 1];
        var ppy = new int[levels + 1];
        if (customPrecincts && sp.Length < 5 + levels + 1)
        {
            throw J2kError.Corrupt("a COD/COC segment lists fewer precinct sizes than resolution levels.");
        }

        for (int r = 0; r <= levels; r++)
        {
            ppx[r] = customPrecincts ? sp[5 + r] & 0x0F : 15;
            ppy[r] = customPrecincts ? sp[5 + r] >> 4 : 15;
            if (r > 0 && (ppx[r] == 0 || ppy[r] == 0))
            {
                // T.800 A.6.1 allows 0 only at resolution 0; opj_compress -c can write it higher up, and OpenJPEG's
                // own reading of that case rests on an out-of-range shift, so there is no behaviour to match.
                throw J2kError.NotSupported($"a precinct exponent of 0 at resolution {r} (T.800 allows it only at resolution 0).");
            }
        }

        return new ComponentCodingStyle
        {
            Levels = levels,
            CodeBlockWidthExponent = xcb,
            CodeBlockHeightExponent = ycb,
            CodeBlockStyle = sp[3],
            Reversible = sp[4] == 1,
            PrecinctWidthExponent = ppx,
            PrecinctHeightExponent = ppy,
        };
    }
}
