using PacsNode.Quantification.Volume;

namespace PacsNode.Quantification.Vois;

/// <summary>
/// The measurements of one VOI (DOMAIN.md section 4) on an SUVbw volume. SUV values are floats summed in double by the
/// kernels; positions are voxel centres in patient coordinates (LPS, mm).
/// </summary>
public sealed record VoiMetrics
{
    public required long VoxelCount { get; init; }

    public required double SuvMax { get; init; }

    /// <summary>The voxel of <see cref="SuvMax"/> (smallest linear index among equal maxima).</summary>
    public required (int X, int Y, int Z) SuvMaxVoxel { get; init; }

    public required PatientVector SuvMaxMm { get; init; }

    public required double SuvMean { get; init; }

    public required double SuvMin { get; init; }

    /// <summary>The median voxel SUV (mean of the two middle values for an even count).</summary>
    public required double SuvMedian { get; init; }

    /// <summary>Sample standard deviation (n − 1).</summary>
    public required double SuvSd { get; init; }

    /// <summary>Largest mean of a 1 cm³ sphere (radius 6.2035 mm) centred on a VOI voxel; the sphere may leave the VOI.</summary>
    public required double SuvPeak { get; init; }

    public required PatientVector SuvPeakCentreMm { get; init; }

    /// <summary>SUVpeak in SUL (SUVlbm Janmahasatian); null when the header does not allow it (see <see cref="SulPeakUnavailableReason"/>).</summary>
    public double? SulPeak { get; init; }

    public string? SulPeakUnavailableReason { get; init; }

    /// <summary>Metabolic tumour volume: voxel count × voxel volume, in ml.</summary>
    public required double MtvMl { get; init; }

    /// <summary>Total lesion glycolysis SUVmean × MTV (g); null for tracers other than glucose.</summary>
    public double? Tlg { get; init; }

    /// <summary>Mean SUV of the 10–20 mm shell outside the VOI, inside the body; null when the shell is empty.</summary>
    public double? BackgroundMean { get; init; }

    public long BackgroundVoxelCount { get; init; }

    /// <summary>Lesion-to-background ratio SUVpeak / <see cref="BackgroundMean"/>; null when there is no background.</summary>
    public double? Lbr { get; init; }
}
