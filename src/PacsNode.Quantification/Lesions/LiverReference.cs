using PacsNode.Quantification.Volume;

namespace PacsNode.Quantification.Lesions;

/// <summary>
/// The PERCIST liver reference: a 3 cm sphere (radius 15 mm) in normal right-lobe liver, its centre and statistics,
/// so a reader can check it. SUL values are null when the header has no height (no lean body mass).
/// </summary>
public sealed record LiverReference(
    PatientVector CentreMm,
    (int X, int Y, int Z) CentreVoxel,
    double SuvMean,
    double SuvSd,
    double? SulMean,
    double? SulSd,
    bool Automatic)
{
    public const double RadiusMm = 15;
}
