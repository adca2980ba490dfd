using PacsNode.Quantification.Kernels;
using PacsNode.Quantification.Volume;

namespace PacsNode.Quantification.Vois;

/// <summary>
/// Measures VOIs on an SUVbw volume (DOMAIN.md section 4) through <see cref="IVolumeKernels"/>: each VOI is measured
/// on a copy of its bounding box grown by the background shell's outer radius, so the sphere and shell kernels stay
/// cheap whatever the volume's size.
/// </summary>
public sealed class VoiMeasurer
{
    /// <summary>Radius of the 1 cm³ SUVpeak sphere: (3 / 4π)^(1/3) cm.</summary>
    public const double PeakRadiusMm = 6.2035;

    public const double ShellInnerMm = 10;

    public const double ShellOuterMm = 20;

    private readonly IVolumeKernels _kernels;

    public VoiMeasurer(IVolumeKernels kernels)
    {
        ArgumentNullException.ThrowIfNull(kernels);
        _kernels = kernels;
    }

    public VoiMetrics Measure(SuvVolume volume, IReadOnlyList<int> voxels, MeasurementContext context)
    {
        ArgumentNullException.ThrowIfNull(volume);
        ArgumentNullException.ThrowIfNull(voxels);
        ArgumentNullException.ThrowIfNull(context);
        if (voxels.Count == 0)
        {
            throw new ArgumentException("A VOI needs at least one voxel.", nameof(voxels));
        }

        VolumeShape full = GridShape.Of(volume.Geometry);
        var crop = VolumeCrop.Around(full, voxels, Math.Max(ShellOuterMm, PeakRadiusMm));
        float[] values = crop.Copy<float>(volume.Voxels);
        byte[] body = crop.Copy<byte>(context.Body.Mask);
        byte[] voi = new byte[values.Length];
        int[] labels = new int[values.Length];
        int[] centres = new int[voxels.Count];
        float[] inside = new float[voxels.Count];
        for (int i = 0; i < voxels.Count; i++)
        {
            int c = crop.ToCrop(voxels[i]);
            voi[c] = 1;
            labels[c] = 1;
            centres[i] = c;
            inside[i] = values[c];
        }

        LabelStatistics statistics = _kernels.Statistics(values, labels, 1)[0];
        float[] means = new float[centres.Length];
        float[] deviations = new float[centres.Length];
        _kernels.SphereStatistics(values, crop.Shape, PeakRadiusMm, centres, means, deviations);
        int peakAt = 0;
        for (int i = 1; i < means.Length; i++)
        {
            if (means[i] > means[peakAt])
            {
                peakAt = i;
            }
        }

        (double shellSum, long shellCount) = _kernels.ShellSum(values, voi, body, crop.Shape, ShellInnerMm, ShellOuterMm);
        double peak = means[peakAt];
        double? background = shellCount > 0 ? shellSum / shellCount : null;
        double mtv = statistics.Count * full.VoxelMillilitres;
        (int X, int Y, int Z) maxVoxel = crop.ToFull(statistics.MaxIndex);
        (int X, int Y, int Z) peakVoxel = full.Coordinates(voxels[peakAt]);
        return new VoiMetrics
        {
            VoxelCount = statistics.Count,
            SuvMax = statistics.Max,
            SuvMaxVoxel = maxVoxel,
            SuvMaxMm = volume.Geometry.VoxelToPatient(maxVoxel.X, maxVoxel.Y, maxVoxel.Z),
            SuvMean = statistics.Mean,
            SuvMin = statistics.Min,
            SuvMedian = Order.Median(inside),
            SuvSd = statistics.StandardDeviation,
            SuvPeak = peak,
            SuvPeakCentreMm = volume.Geometry.VoxelToPatient(peakVoxel.X, peakVoxel.Y, peakVoxel.Z),
            SulPeak = context.SulRatio * peak,
            SulPeakUnavailableReason = context.SulRatio is null ? context.SulUnavailableReason ?? "no SUL ratio given" : null,
            MtvMl = mtv,
            Tlg = context.GlucoseTracer ? statistics.Mean * mtv : null,
            BackgroundMean = background,
            BackgroundVoxelCount = shellCount,
            Lbr = background is > 0 ? peak / background : null,
        };
    }
}
