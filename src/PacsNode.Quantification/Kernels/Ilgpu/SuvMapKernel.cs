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
        int i = start;
        while (i < end)
        {
            // One slice at a time: the factor is looked up once per slice, not divided out per voxel.
            int z = i / plane;
            int sliceEnd = Math.Min(end, (z + 1) * plane);
            float factor = factors[z];
            for (; i < sliceEnd; i++)
            {
                short raw = stored[i];
                int value = signed != 0 ? raw : (ushort)raw;
                suv[i] = value * factor;
            }
        }
    }
}
