namespace PacsNode.Quantification.Kernels;

/// <summary>
/// The data-parallel steps of quantification (issue 4 part 3). One contract, several backends: the plain C#
/// reference (the truth for tests), and ILGPU on its CPU accelerator or on CUDA. Every backend gives identical
/// labels, counts, maxima and max locations, and sums equal within floating-point tolerance. Inputs and outputs
/// are host spans; a backend copies to and from its device. Instances are not thread-safe.
/// </summary>
public interface IVolumeKernels : IDisposable
{
    /// <summary>What runs the kernels, for logs and results: "reference", "parallel-cpu", "ilgpu-cpu", "ilgpu-cuda (device name)".</summary>
    string Backend { get; }

    /// <summary>suv[i] = stored[i] × sliceFactors[z] where z is the slice of voxel i (factor = slope × SUV factor).</summary>
    void SuvMap(ReadOnlySpan<short> stored, bool storedIsSigned, ReadOnlySpan<float> sliceFactors, VolumeShape shape, Span<float> suv);

    /// <summary>
    /// 26-connected components of the voxels with value ≥ <paramref name="threshold"/>. labels[i] = 0 for voxels below
    /// it, else 1..N, numbered in ascending order of each component's smallest linear index (canonical, so every
    /// backend gives the same numbers). Returns N.
    /// </summary>
    int LabelComponents(ReadOnlySpan<float> values, VolumeShape shape, float threshold, Span<int> labels);

    /// <summary>Statistics of labels 1..labelCount (element 0 of the result is label 1); label 0 is ignored.</summary>
    LabelStatistics[] Statistics(ReadOnlySpan<float> values, ReadOnlySpan<int> labels, int labelCount);

    /// <summary>
    /// For each centre voxel index: mean and sample SD of the voxels whose centres lie within
    /// <paramref name="radiusMm"/> of the centre voxel's centre (distance ≤ radius), clipped to the volume.
    /// SUVpeak uses radius 6.2035 mm (1 cm³); the liver search 15 mm.
    /// </summary>
    void SphereStatistics(ReadOnlySpan<float> values, VolumeShape shape, double radiusMm, ReadOnlySpan<int> centres,
        Span<float> means, Span<float> standardDeviations);

    /// <summary>
    /// Sum and count of the voxels outside <paramref name="voi"/> (mask ≠ 0), inside <paramref name="body"/> (mask ≠ 0),
    /// whose centre's distance to the nearest VOI voxel centre is &gt; innerMm and ≤ outerMm (the lesion-to-background
    /// shell, 10–20 mm).
    /// </summary>
    (double Sum, long Count) ShellSum(ReadOnlySpan<float> values, ReadOnlySpan<byte> voi, ReadOnlySpan<byte> body,
        VolumeShape shape, double innerMm, double outerMm);
}
