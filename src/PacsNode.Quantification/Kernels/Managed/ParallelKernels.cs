using PacsNode.Quantification.Kernels.Ilgpu;

namespace PacsNode.Quantification.Kernels.Managed;

/// <summary>
/// <see cref="IVolumeKernels"/> in plain C# on the thread pool: the ILGPU kernels' algorithms (contiguous chunk per
/// worker, lock-free union-find with canonical numbering, run-based statistics, bounding-box-limited shell) without
/// ILGPU's CPU emulation, which measured slower than even the single-threaded reference (docs/BENCHMARKS.md). Inputs are
/// copied into kept arrays first because spans cannot be shared with worker threads; small or memory-bound work
/// (SUV map, spheres for few centres) runs inline as <see cref="ReferenceKernels"/> does, with identical results.
/// </summary>
/// <param name="maxThreads">Chunks per call (four per core is the default).</param>
/// <param name="inlineWork">Voxel visits below which a call runs inline on the caller's spans (0: never).</param>
internal sealed partial class ParallelKernels(int maxThreads, long inlineWork = ParallelKernels.DefaultInlineWork) : IVolumeKernels
{
    /// <summary>Below this many voxel visits a call runs inline on the caller's spans: copying the volume would cost more.</summary>
    public const long DefaultInlineWork = 1 << 22;

    private readonly KernelChunking _chunking = new(Math.Max(1, maxThreads), 1, 1);
    private readonly ReferenceKernels _reference = new();
    private readonly HostBuffers _buffers = new();

    public string Backend => "parallel-cpu";

    /// <summary>Memory-bound: copying the volume for the workers would cost more than they save, so it runs inline.</summary>
    public void SuvMap(ReadOnlySpan<short> stored, bool storedIsSigned, ReadOnlySpan<float> sliceFactors, VolumeShape shape, Span<float> suv) =>
        _reference.SuvMap(stored, storedIsSigned, sliceFactors, shape, suv);

    public void SphereStatistics(ReadOnlySpan<float> values, VolumeShape shape, double radiusMm, ReadOnlySpan<int> centres,
        Span<float> means, Span<float> standardDeviations)
    {
        int voxels = KernelArguments.VoxelCount(values.Length, shape, nameof(values));
        bool wantDeviations = KernelArguments.SphereOutputs(voxels, centres, means.Length, standardDeviations.Length);
        var offsets = SphereOffsets.Create(shape, radiusMm);
        if ((long)centres.Length * offsets.Length < inlineWork)
        {
            _reference.SphereStatistics(values, shape, radiusMm, centres, means, standardDeviations);
            return;
        }

        float[] input = _buffers.Copy("values", values);
        int[] centreArray = centres.ToArray();
        float[] meanArray = new float[centreArray.Length];
        float[] deviationArray = new float[wantDeviations ? centreArray.Length : 0];
        For(centreArray.Length, (start, end) =>
        {
            for (int c = start; c < end; c++)
            {
                (meanArray[c], float sd) = SphereWalk.Statistics(input, shape, offsets, centreArray[c]);
                if (wantDeviations)
                {
                    deviationArray[c] = sd;
                }
            }
        });
        meanArray.CopyTo(means);
        deviationArray.CopyTo(standardDeviations);
    }

    public void Dispose() => _buffers.Clear();
    /// <summary>Runs <paramref name="body"/>(start, end) on each chunk of [0, work); returns the number of chunks.</summary>
    private int For(int work, Action<int, int> body) => For(work, reduction: false, (_, start, end) => body(start, end));

    /// <summary>Runs <paramref name="body"/>(chunk, start, end) on each chunk of [0, work); returns the number of chunks.</summary>
    private int For(int work, bool reduction, Action<int, int, int> body)
    {
        if (work == 0)
        {
            return 0;
        }

        int chunk = _chunking.Chunk(work, reduction);
        int chunks = KernelChunking.Chunks(work, chunk);
        Parallel.For(0, chunks, t => body(t, t * chunk, Math.Min(work, (t + 1) * chunk)));
        return chunks;
    }
}
