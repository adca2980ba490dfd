using ILGPU;

namespace PacsNode.Quantification.Kernels.Ilgpu;

/// <summary>suv[i] = stored[i] × factor of i's slice, one contiguous chunk of voxels per thread.</summary>
internal static class SuvMapKernel
{
    /// <summary><paramref name="signed"/> ≠ 0: stored values are int16, else uint16 carried in the same bits.</summary>
    internal static void Run(Index1D thread, ArrayView<short> stored, ArrayView<float> factors, ArrayView<float> suv,
        int signed, int plane, int chunk, int count)
    {
        int start = thread.X * chunk;
        int end = Math.Min(start + chunk, count);
        for (int i = start; i < end; i++)
        {
            short raw = stored[i];
            int value = signed != 0 ? raw : (ushort)raw;
            suv[i] = value * factors[i / plane];
        }
    }
}
