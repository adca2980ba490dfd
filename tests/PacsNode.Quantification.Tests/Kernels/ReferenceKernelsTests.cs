using PacsNode.Quantification.Kernels;
using Xunit;

namespace PacsNode.Quantification.Tests.Kernels;

public sealed class ReferenceKernelsTests
{
    private static readonly VolumeShape Cube = new(5, 5, 5, 1, 1, 1);

    [Fact]
    public void LabelComponents_CornerTouchingVoxels_AreOneComponentNumberedByFirstVoxel()
    {
        float[] v = new float[Cube.VoxelCount];
        v[Cube.Index(4, 4, 4)] = 5;          // component B, its own
        v[Cube.Index(1, 1, 1)] = 5;          // component A ...
        v[Cube.Index(2, 2, 2)] = 5;          // ... joined through a corner (26-connectivity)
        v[Cube.Index(0, 3, 0)] = 1;          // below the threshold
        int[] labels = new int[v.Length];

        int n = new ReferenceKernels().LabelComponents(v, Cube, 2f, labels);

        Assert.Equal(2, n);
        Assert.Equal(1, labels[Cube.Index(1, 1, 1)]);
        Assert.Equal(1, labels[Cube.Index(2, 2, 2)]);
        Assert.Equal(2, labels[Cube.Index(4, 4, 4)]);
        Assert.Equal(0, labels[Cube.Index(0, 3, 0)]);
    }

    [Fact]
    public void LabelComponents_UShape_MergesBranchesThatMeetLater()
    {
        // Two columns joined only at the bottom row: a naive one-pass labeller gives two labels.
        var shape = new VolumeShape(3, 3, 1, 1, 1, 1);
        float[] v = [1, 0, 1, 1, 0, 1, 1, 1, 1];
        int[] labels = new int[9];
        Assert.Equal(1, new ReferenceKernels().LabelComponents(v, shape, 0.5f, labels));
        Assert.Equal([1, 0, 1, 1, 0, 1, 1, 1, 1], labels);
    }

    [Fact]
    public void Statistics_TwoLabels_MatchHandSums()
    {
        float[] v = [1, 2, 3, 4, 4, 9];
        int[] labels = [1, 1, 2, 2, 2, 0];
        LabelStatistics[] s = new ReferenceKernels().Statistics(v, labels, 2);
        Assert.Equal(new LabelStatistics(2, 3, 5, 2, 1, 1), s[0]);
        Assert.Equal(new LabelStatistics(3, 11, 41, 4, 3, 3), s[1]);
        Assert.Equal(Math.Sqrt(1.0 / 3.0), s[1].StandardDeviation, 12);
    }

    [Fact]
    public void SphereOffsets_RadiusOfOneVoxel_IsTheSixNeighboursAndTheCentre()
    {
        Assert.Equal(7, SphereOffsets.Create(Cube, 1.0).Length);
        Assert.Equal(19, SphereOffsets.Create(Cube, Math.Sqrt(2)).Length);
        // 1 cm³ sphere on 2 mm voxels: centres within 6.2035 mm.
        int expected = 0;
        for (int z = -3; z <= 3; z++) { for (int y = -3; y <= 3; y++) { for (int x = -3; x <= 3; x++) { if (4.0 * ((x * x) + (y * y) + (z * z)) <= 6.2035 * 6.2035) { expected++; } } } }
        Assert.Equal(expected, SphereOffsets.Create(new VolumeShape(9, 9, 9, 2, 2, 2), 6.2035).Length);
    }

    [Fact]
    public void SphereStatistics_AtTheCorner_IsClippedToTheVolume()
    {
        float[] v = new float[Cube.VoxelCount];
        v[Cube.Index(0, 0, 0)] = 4;
        v[Cube.Index(1, 0, 0)] = 1;
        float[] means = new float[2];
        float[] sds = new float[2];
        new ReferenceKernels().SphereStatistics(v, Cube, 1.0, [Cube.Index(0, 0, 0), Cube.Index(2, 2, 2)], means, sds);
        Assert.Equal(5f / 4f, means[0]);                 // centre + 3 neighbours inside the volume
        Assert.Equal(0f, means[1]);
        Assert.Equal((float)Math.Sqrt(((16 + 1) - (25.0 / 4)) / 3), sds[0], 5);
    }

    [Fact]
    public void ShellSum_AroundOneVoxel_CountsOnlyTheRingBetweenTheRadii()
    {
        var shape = new VolumeShape(7, 7, 1, 1, 1, 1);
        float[] v = Enumerable.Repeat(2f, 49).ToArray();
        byte[] voi = new byte[49];
        voi[shape.Index(3, 3, 0)] = 1;
        byte[] body = Enumerable.Repeat((byte)1, 49).ToArray();
        body[shape.Index(3, 1, 0)] = 0;                   // outside the body: excluded
        (double sum, long count) = new ReferenceKernels().ShellSum(v, voi, body, shape, 1.0, 2.0);
        // In-plane distances in (1, 2]: √2 (4), 2 (4), √5 > 2 excluded → 8 voxels, one outside the body.
        Assert.Equal(7, count);
        Assert.Equal(14, sum);
    }
}
