namespace PacsNode.Dicom.Imaging.Codecs.Jpeg2000;

/// <summary>
/// The coding markers one header carries (the main header or one tile's first tile-part header): COD, COC, QCD, QCC,
/// RGN and POC. A tile's effective values fall back on the main header's (T.800 A.6: tile COC, tile COD, main COC, main COD).
/// </summary>
internal sealed class MarkerSet(int components)
{
    public CodingStyle? Cod { get; set; }

    public ComponentCodingStyle?[] Coc { get; } = new ComponentCodingStyle?[components];

    public QuantizationParameters? Qcd { get; set; }

    public QuantizationParameters?[] Qcc { get; } = new QuantizationParameters?[components];

    public int?[] RoiShift { get; } = new int?[components];

    public List<ProgressionChange> ProgressionChanges { get; } = [];

    /// <summary>Reads a COC, QCC or RGN component index: one byte, or two when the image has more than 256 components.</summary>
    public int ComponentIndex(ReadOnlySpan<byte> body, out int size)
    {
        size = Coc.Length > 256 ? 2 : 1;
        if (body.Length < size + 1)
        {
            throw J2kError.Corrupt("a COC/QCC/RGN segment is truncated.");
        }

        int index = size == 1 ? body[0] : (body[0] << 8) | body[1];
        return index < Coc.Length ? index : throw J2kError.Corrupt($"a marker names component {index} of {Coc.Length}.");
    }
}
