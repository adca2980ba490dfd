namespace PacsNode.Dicom.Imaging.Codecs.Jpeg2000;

/// <summary>The code-blocks of one sub-band that fall in one precinct, in raster order, and their two tag trees.</summary>
internal sealed class PrecinctBand(CodeBlock[] blocks, int wide, int high)
{
    public CodeBlock[] Blocks { get; } = blocks;

    public TagTree Inclusion { get; } = new(Math.Max(wide, 1), Math.Max(high, 1));

    public TagTree ZeroBitplanes { get; } = new(Math.Max(wide, 1), Math.Max(high, 1));
}
