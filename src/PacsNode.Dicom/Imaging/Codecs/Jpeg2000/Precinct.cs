namespace PacsNode.Dicom.Imaging.Codecs.Jpeg2000;

/// <summary>A precinct (T.800 B.6): per sub-band of its resolution, a grid of code-blocks with its inclusion and zero-bit-plane tag trees.</summary>
internal sealed class Precinct(PrecinctBand[] bands)
{
    public PrecinctBand[] Bands { get; } = bands;

    /// <summary>The next layer whose packet this precinct expects; packets arrive in layer order (B.12).</summary>
    public int NextLayer { get; set; }
}
