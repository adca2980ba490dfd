using PacsNode.Quantification.Kernels;
using PacsNode.Quantification.Tests.Support;
using PacsNode.Quantification.Vois;
using PacsNode.Quantification.Volume;
using Xunit;

namespace PacsNode.Quantification.Tests.Vois;

/// <summary>
/// VOI metrics against hand calculations. At 2 mm voxels the 6.2035 mm SUVpeak sphere holds the 123 lattice points
/// with dx² + dy² + dz² ≤ 9 (a 6 mm offset is inside, 2·√10 ≈ 6.32 mm is not); 29 of them have dx = 0.
/// </summary>
public sealed class VoiMeasurerTests
{
    private static readonly ReferenceKernels Kernels = new();

    [Fact]
    public void Measure_HotCube_GivesHandComputedStatistics()
    {
        // 27 voxels of 5 with a 9 in the middle, in a background of 1.
        SuvVolume volume = SyntheticVolume.Create(21, 21, 21, 2, (x, y, z) =>
            (x, y, z) == (10, 10, 10) ? 9f : InCube(x, y, z) ? 5f : 1f, new PatientVector(-20, -30, 100));
        int[] voxels = Cube(volume);

        VoiMetrics m = new VoiMeasurer(Kernels).Measure(volume, voxels, Context(volume, sul: 0.8, glucose: true));

        double mean = 139.0 / 27;
        Assert.Equal(27, m.VoxelCount);
        Assert.Equal(9, m.SuvMax);
        Assert.Equal((10, 10, 10), m.SuvMaxVoxel);
        Assert.Equal(new PatientVector(0, -10, 120), m.SuvMaxMm);
        Assert.Equal(mean, m.SuvMean, 1e-9);
        Assert.Equal(5, m.SuvMin);
        Assert.Equal(5, m.SuvMedian);
        Assert.Equal(Math.Sqrt((731 - (27 * mean * mean)) / 26), m.SuvSd, 1e-9);
        Assert.Equal(27 * 0.008, m.MtvMl, 1e-12);
        Assert.Equal(mean * 27 * 0.008, m.Tlg!.Value, 1e-9);
        // Every cube voxel's sphere holds the whole cube and 96 background voxels.
        Assert.Equal(235.0 / 123, m.SuvPeak, 1e-6);
        Assert.Equal(0.8 * 235.0 / 123, m.SulPeak!.Value, 1e-6);
        Assert.Null(m.SulPeakUnavailableReason);
        Assert.Equal(1, m.BackgroundMean!.Value, 1e-9);
        Assert.Equal(235.0 / 123, m.Lbr!.Value, 1e-6);
    }

    [Fact]
    public void Measure_LineWithNeighbours_PeakIsTheBestSphereCentre()
    {
        // VOI x = 10..14 on row 10 of slice 10: 123, 1, 2, 4, 8; a 50 outside the VOI at x = 16; zero elsewhere.
        float[] line = [123, 1, 2, 4, 8];
        SuvVolume volume = SyntheticVolume.Create(27, 21, 21, 2, (x, y, z) =>
            y != 10 || z != 10 ? 0f : x is >= 10 and <= 14 ? line[x - 10] : x == 16 ? 50f : 0f);
        int[] voxels = [.. Enumerable.Range(10, 5).Select(x => SyntheticVolume.Index(volume, x, 10, 10))];

        VoiMetrics m = new VoiMeasurer(Kernels).Measure(volume, voxels, Context(volume, sul: null, glucose: false));

        // Centre x = 13 reaches x = 10 (6 mm) and x = 16 (6 mm): 123 + 1 + 2 + 4 + 8 + 50.
        Assert.Equal(188.0 / 123, m.SuvPeak, 1e-6);
        Assert.Equal(new PatientVector(26, 20, 20), m.SuvPeakCentreMm);
        Assert.Equal(4, m.SuvMedian);
        Assert.Equal(1, m.SuvMin);
        Assert.Null(m.SulPeak);
        Assert.NotNull(m.SulPeakUnavailableReason);
        Assert.Null(m.Tlg);
    }

    [Fact]
    public void Measure_ShellHalfOutsideBody_AveragesBodyVoxelsOnly()
    {
        // One voxel of 10 at (15, 15, 15); x < 15 is 3 and outside the body, x ≥ 15 is 1 and inside.
        SuvVolume volume = SyntheticVolume.Create(31, 31, 31, 2, (x, y, z) =>
            (x, y, z) == (15, 15, 15) ? 10f : x < 15 ? 3f : 1f);
        byte[] body = [.. Enumerable.Range(0, volume.Voxels.Length).Select(i => i % 31 >= 15 ? (byte)1 : (byte)0)];
        var context = new MeasurementContext(BodyMask.FromMask(body, 1), null, "no height", false);

        VoiMetrics m = new VoiMeasurer(Kernels).Measure(volume, [SyntheticVolume.Index(volume, 15, 15, 15)], context);

        // Sphere: 47 voxels with dx < 0 at 3, 28 with dx = 0 at 1 besides the centre, 47 with dx > 0 at 1.
        Assert.Equal(226.0 / 123, m.SuvPeak, 1e-6);
        Assert.Equal(1, m.BackgroundMean!.Value, 1e-9);
        Assert.Equal(226.0 / 123, m.Lbr!.Value, 1e-6);
        Assert.True(m.BackgroundVoxelCount > 0);
    }

    [Fact]
    public void Measure_VoiAtTheVolumeCorner_ClipsTheSphereToTheVolume()
    {
        // A voxel of 8 in the corner of a background of 1: only the sphere's octant inside the volume counts.
        SuvVolume volume = SyntheticVolume.Create(10, 10, 10, 2, (x, y, z) => (x, y, z) == (0, 0, 0) ? 8f : 1f);

        VoiMetrics m = new VoiMeasurer(Kernels).Measure(volume, [0], Context(volume, sul: null, glucose: true));

        // Points with x, y, z ≥ 0 and x² + y² + z² ≤ 9: the centre, 3 per axis (9), 4 per face (12), and
        // (1,1,1), (1,1,2)×3, (1,2,2)×3 (7): 29.
        Assert.Equal((8.0 + 28) / 29, m.SuvPeak, 1e-6);
        Assert.Equal(1, m.BackgroundMean!.Value, 1e-9);
        Assert.Equal((8.0 + 28) / 29, m.Lbr!.Value, 1e-6);
    }

    private static bool InCube(int x, int y, int z) => x is >= 9 and <= 11 && y is >= 9 and <= 11 && z is >= 9 and <= 11;

    private static int[] Cube(SuvVolume volume) =>
        [.. Enumerable.Range(0, volume.Voxels.Length).Where(i => InCube(i % 21, i / 21 % 21, i / 441))];

    private static MeasurementContext Context(SuvVolume volume, double? sul, bool glucose) =>
        new(BodyMask.FromMask([.. volume.Voxels.Select(_ => (byte)1)], 1), sul, sul is null ? "PatientSize missing" : null, glucose);
}
