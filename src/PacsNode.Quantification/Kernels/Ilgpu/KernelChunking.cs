namespace PacsNode.Quantification.Kernels.Ilgpu;

/// <summary>
/// How much work each device thread takes. Every kernel gives each thread one contiguous chunk of elements; the chunk is
/// at least <see cref="ElementsPerThread"/> (or <see cref="ReductionElementsPerThread"/> for kernels that write one
/// partial result per thread) and large enough that no more than <see cref="MaxThreads"/> threads are launched.
/// On ILGPU's CPU accelerator each emulated thread is expensive, so a few threads per core take long chunks
/// (one element per thread ran ~1000× slower than plain C#); on a GPU, one element per thread keeps memory access
/// coalesced and the device full, and reductions take a few hundred elements so the partials stay small.
/// </summary>
internal readonly record struct KernelChunking(int MaxThreads, int ElementsPerThread, int ReductionElementsPerThread)
{
    /// <summary>Four threads per core, each with a contiguous share of the work.</summary>
    public static KernelChunking ForCpu(int processorCount) => new(4 * Math.Max(1, processorCount), 1, 1);

    /// <summary>One element per thread; 256 per thread for kernels that write per-thread partials.</summary>
    public static KernelChunking ForGpu { get; } = new(int.MaxValue, 1, 256);

    /// <summary>The chunk length for <paramref name="work"/> elements (≥ 1).</summary>
    public int Chunk(int work, bool reduction)
    {
        int least = Math.Max(1, reduction ? ReductionElementsPerThread : ElementsPerThread);
        long byThreads = ((long)work + MaxThreads - 1) / MaxThreads;
        return (int)Math.Max(least, byThreads);
    }

    /// <summary>The number of chunks (threads) that cover <paramref name="work"/> elements with chunks of <paramref name="chunk"/>.</summary>
    public static int Chunks(int work, int chunk) => (int)(((long)work + chunk - 1) / chunk);
}
