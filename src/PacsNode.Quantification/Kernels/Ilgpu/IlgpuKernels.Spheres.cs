using ILGPU;
using ILGPU.Runtime;

namespace PacsNode.Quantification.Kernels.Ilgpu;

/// <summary>Sphere means (SUVpeak, liver reference): one chunk of centres per thread over the shared offset list.</summary>
internal sealed partial class IlgpuKernels
{
    public void SphereStatistics(ReadOnlySpan<float> values, VolumeShape shape, double radiusMm, ReadOnlySpan<int> centres,
        Span<float> means, Span<float> standardDeviations)
    {
        int voxels = KernelArguments.VoxelCount(values.Length, shape, nameof(values));
        bool wantDeviations = KernelArguments.SphereOutputs(voxels, centres, means.Length, standardDeviations.Length);

        int count = centres.Length;
        if (count == 0)
        {
            return;
        }

        ArrayView<float> input = _buffers.Upload("values", values);
        ArrayView<int> centreView = _buffers.Upload("centres", centres);
        ArrayView<int> offsets = _buffers.Upload("offsets", (ReadOnlySpan<int>)Interleave(SphereOffsets.Create(shape, radiusMm)));
        ArrayView<float> meanView = _buffers.Get<float>("means", count);
        ArrayView<float> deviationView = _buffers.Get<float>("deviations", wantDeviations ? count : 1);
        int chunk = _chunking.Chunk(count, reduction: false);
        _sphere(KernelChunking.Chunks(count, chunk), input, centreView, offsets, meanView, deviationView, GridSize.Of(shape),
            (int)(offsets.Length / 3), wantDeviations ? 1 : 0, chunk, count);
        _accelerator.Synchronize();
        meanView.CopyToCPU(means[..count]);
        if (wantDeviations)
        {
            deviationView.CopyToCPU(standardDeviations[..count]);
        }
    }

    /// <summary>dx, dy, dz of each offset, one after the other, in the list's order.</summary>
    private static int[] Interleave((int Dx, int Dy, int Dz, double DistanceSquared)[] offsets)
    {
        int[] packed = new int[3 * offsets.Length];
        for (int k = 0; k < offsets.Length; k++)
        {
            packed[3 * k] = offsets[k].Dx;
            packed[(3 * k) + 1] = offsets[k].Dy;
            packed[(3 * k) + 2] = offsets[k].Dz;
        }

        return packed;
    }
}
