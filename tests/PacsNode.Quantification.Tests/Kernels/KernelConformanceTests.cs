using PacsNode.Quantification.Kernels;
using Xunit;

namespace PacsNode.Quantification.Tests.Kernels;

/// <summary>
/// One test body for every backend: each kernel's output is compared with <see cref="ReferenceKernels"/> (the truth,
/// itself checked by hand in ReferenceKernelsTests). Labels, counts, maxima, max locations and minima must be equal;
/// sums within 1e-9 relative; float means and SDs within 1e-6 relative (the CPU accelerator adds the same doubles in
/// the same order and is in practice exact; a GPU may fuse multiply-adds).
/// </summary>
public abstract class KernelConformanceTests
{
    private static readonly ReferenceKernels Reference = new();

    public static TheoryData<string> LabelCases => [.. KernelTestVolumes.LabelCases];

    /// <summary>The backend under test, or null when it is not available here (the test is then skipped).</summary>
    protected abstract IVolumeKernels? Candidate { get; }

    private IVolumeKernels Kernels => Candidate ?? throw SkipException();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void SuvMap_RandomStoredValues_MatchesReference(bool isSigned)
    {
        var shape = new VolumeShape(13, 7, 5, 2, 2, 3);
        var random = new Random(11);
        short[] stored = new short[shape.VoxelCount];
        for (int i = 0; i < stored.Length; i++)
        {
            stored[i] = (short)random.Next(short.MinValue, short.MaxValue + 1);
        }

        float[] factors = [0.5f, 1.25e-4f, 3.3f, -2f, 7.1e-5f];
        float[] expected = new float[stored.Length];
        float[] actual = new float[stored.Length];
        Reference.SuvMap(stored, isSigned, factors, shape, expected);

        Kernels.SuvMap(stored, isSigned, factors, shape, actual);

        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(LabelCases))]
    public void LabelComponents_TestVolume_GivesTheReferenceLabels(string name)
    {
        (float[] values, VolumeShape shape) = KernelTestVolumes.Create(name);
        int[] expected = new int[values.Length];
        int[] actual = new int[values.Length];
        int expectedCount = Reference.LabelComponents(values, shape, KernelTestVolumes.Threshold, expected);

        int count = Kernels.LabelComponents(values, shape, KernelTestVolumes.Threshold, actual);

        Assert.Equal(expectedCount, count);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void LabelComponents_LargerThenSmallerVolume_ReusedBuffersLeaveNoTrace()
    {
        (float[] large, VolumeShape largeShape) = KernelTestVolumes.Create("random-dense");
        (float[] small, VolumeShape smallShape) = KernelTestVolumes.Create("corner-chain");
        int[] labels = new int[large.Length];
        Kernels.LabelComponents(large, largeShape, KernelTestVolumes.Threshold, labels);
        int[] expected = new int[small.Length];
        int[] actual = new int[small.Length];
        int expectedCount = Reference.LabelComponents(small, smallShape, KernelTestVolumes.Threshold, expected);

        int count = Kernels.LabelComponents(small, smallShape, KernelTestVolumes.Threshold, actual);

        Assert.Equal(expectedCount, count);
        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(LabelCases))]
    public void Statistics_LabelsOfTestVolume_MatchReference(string name)
    {
        (float[] values, VolumeShape shape) = KernelTestVolumes.Create(name);
        int[] labels = new int[values.Length];
        int n = Reference.LabelComponents(values, shape, KernelTestVolumes.Threshold, labels);

        AssertStatisticsEqual(Reference.Statistics(values, labels, n), Kernels.Statistics(values, labels, n));
    }

    [Fact]
    public void Statistics_CalledTwice_GivesBitIdenticalSums()
    {
        // Sums must not depend on thread timing (no floating-point atomics), so repeated runs agree to the last bit.
        (float[] values, VolumeShape shape) = KernelTestVolumes.Create("hot-spheres");
        int[] labels = new int[values.Length];
        int n = Reference.LabelComponents(values, shape, 0.5f, labels);

        LabelStatistics[] first = Kernels.Statistics(values, labels, n);
        LabelStatistics[] second = Kernels.Statistics(values, labels, n);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Statistics_LabelsOutsideTheRange_AreIgnoredAndEmptyLabelsReportMinusOne()
    {
        (float[] values, _) = KernelTestVolumes.RandomTies(new VolumeShape(31, 17, 3, 1, 1, 1), 21);
        var random = new Random(22);
        int[] labels = new int[values.Length];
        for (int i = 0; i < labels.Length; i++)
        {
            // Labels -1..9 in runs of random length; labels above 6 and below 1 are not asked for; label 5 never occurs.
            int fresh = random.Next(-1, 10);
            labels[i] = i > 0 && random.Next(3) > 0 ? labels[i - 1] : fresh == 5 ? 4 : fresh;
        }

        LabelStatistics[] expected = Reference.Statistics(values, labels, 6);
        LabelStatistics[] actual = Kernels.Statistics(values, labels, 6);

        Assert.Equal(-1, expected[4].MaxIndex);
        AssertStatisticsEqual(expected, actual);
    }

    [Theory]
    [InlineData(6.2035, 1.0, 1.0, 1.0)]
    [InlineData(6.2035, 2.0, 2.0, 3.27)]
    [InlineData(6.2035, 4.07, 4.07, 5.0)]
    [InlineData(15.0, 4.07, 4.07, 3.27)]
    [InlineData(0.0, 2.0, 2.0, 2.0)]
    public void SphereStatistics_EveryVoxelAsCentre_MatchesReference(double radius, double sx, double sy, double sz)
    {
        (float[] values, VolumeShape hot) = KernelTestVolumes.HotSpheres(new VolumeShape(17, 13, 11, sx, sy, sz), 31);
        int[] centres = Enumerable.Range(0, values.Length).Reverse().ToArray();
        float[] expectedMeans = new float[centres.Length], expectedSds = new float[centres.Length];
        float[] means = new float[centres.Length], sds = new float[centres.Length];
        Reference.SphereStatistics(values, hot, radius, centres, expectedMeans, expectedSds);

        Kernels.SphereStatistics(values, hot, radius, centres, means, sds);

        AssertClose(expectedMeans, means);
        AssertClose(expectedSds, sds);
    }

    [Fact]
    public void SphereStatistics_WithoutDeviations_FillsOnlyTheMeans()
    {
        (float[] values, VolumeShape shape) = KernelTestVolumes.Create("hot-spheres");
        int[] centres = [0, shape.Index(7, 7, 7), shape.VoxelCount - 1, shape.Index(32, 0, 26), shape.Index(7, 7, 7)];
        float[] expected = new float[centres.Length], actual = new float[centres.Length];
        Reference.SphereStatistics(values, shape, 6.2035, centres, expected, []);

        Kernels.SphereStatistics(values, shape, 6.2035, centres, actual, []);

        AssertClose(expected, actual);
    }

    [Theory]
    [InlineData(10.0, 20.0, 4.07, 4.07, 3.27, false)]
    [InlineData(10.0, 20.0, 2.0, 2.0, 2.0, true)]
    [InlineData(1.0, 3.5, 1.0, 1.0, 1.0, false)]
    [InlineData(0.0, 2.0, 1.0, 1.5, 2.5, true)]
    public void ShellSum_HotSphereVoi_MatchesReference(double inner, double outer, double sx, double sy, double sz, bool edge)
    {
        (float[] values, VolumeShape shape) = KernelTestVolumes.HotSpheres(new VolumeShape(37, 31, 23, sx, sy, sz), 41);
        // VOI: the component above 2.5 SUV that holds the hottest voxel (or the corner sphere's), body: above 0.45.
        int[] labels = new int[values.Length];
        int n = Reference.LabelComponents(values, shape, 2.5f, labels);
        LabelStatistics[] stats = Reference.Statistics(values, labels, n);
        int voiLabel = edge ? labels[0] : 1 + Array.IndexOf(stats, stats.MaxBy(s => s.Max));
        Assert.NotEqual(0, voiLabel);
        byte[] voi = labels.Select(l => (byte)(l == voiLabel ? 1 : 0)).ToArray();
        byte[] body = values.Select(v => (byte)(v > 0.45f ? 1 : 0)).ToArray();
        (double expectedSum, long expectedCount) = Reference.ShellSum(values, voi, body, shape, inner, outer);

        (double sum, long count) = Kernels.ShellSum(values, voi, body, shape, inner, outer);

        Assert.True(expectedCount > 0);
        Assert.Equal(expectedCount, count);
        Assert.Equal(expectedSum, sum, expectedSum * 1e-9);
    }

    [Fact]
    public void ShellSum_EmptyVoi_IsZero()
    {
        (float[] values, VolumeShape shape) = KernelTestVolumes.Create("hot-spheres");
        byte[] body = Enumerable.Repeat((byte)1, values.Length).ToArray();

        Assert.Equal((0.0, 0L), Kernels.ShellSum(values, new byte[values.Length], body, shape, 10, 20));
    }

    private static Exception SkipException()
    {
        Assert.Skip("The backend under test is not available on this machine.");
        return new InvalidOperationException("unreachable");
    }

    private static void AssertStatisticsEqual(LabelStatistics[] expected, LabelStatistics[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int k = 0; k < expected.Length; k++)
        {
            Assert.Equal(expected[k].Count, actual[k].Count);
            Assert.Equal(expected[k].Max, actual[k].Max);
            Assert.Equal(expected[k].MaxIndex, actual[k].MaxIndex);
            Assert.Equal(expected[k].Min, actual[k].Min);
            Assert.Equal(expected[k].Sum, actual[k].Sum, Math.Abs(expected[k].Sum) * 1e-9);
            Assert.Equal(expected[k].SumOfSquares, actual[k].SumOfSquares, Math.Abs(expected[k].SumOfSquares) * 1e-9);
        }
    }

    private static void AssertClose(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], (Math.Abs(expected[i]) * 1e-6f) + 1e-7f);
        }
    }
}
