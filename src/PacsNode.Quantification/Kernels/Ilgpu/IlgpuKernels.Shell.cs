using ILGPU;
using ILGPU.Runtime;

namespace PacsNode.Quantification.Kernels.Ilgpu;

/// <summary>The background shell: VOI bounding box on the device, then the shell sum over the grown box.</summary>
internal sealed partial class IlgpuKernels
{
    public (double Sum, long Count) ShellSum(ReadOnlySpan<float> values, ReadOnlySpan<byte> voi, ReadOnlySpan<byte> body,
        VolumeShape shape, double innerMm, double outerMm)
    {
        int count = KernelArguments.VoxelCount(values.Length, shape, nameof(values));
        KernelArguments.VoxelCount(voi.Length, shape, nameof(voi));
        KernelArguments.VoxelCount(body.Length, shape, nameof(body));
        var offsetList = SphereOffsets.Create(shape, outerMm);
        if (count == 0)
        {
            return (0, 0);
        }

        ArrayView<byte> voiView = _buffers.Upload("voi", voi);
        var grid = GridSize.Of(shape);
        if (VoiBounds(voiView, grid, count) is not { } bounds)
        {
            return (0, 0);
        }

        // Grow the box by the offsets' reach: nothing outside it is within the outer radius of a VOI voxel.
        var box = GridBox.Around(bounds.MinX, bounds.MinY, bounds.MinZ, bounds.MaxX, bounds.MaxY, bounds.MaxZ, shape, outerMm);

        double[] distances = new double[offsetList.Length];
        for (int k = 0; k < offsetList.Length; k++)
        {
            distances[k] = offsetList[k].DistanceSquared;
        }

        ArrayView<float> input = _buffers.Upload("values", values);
        ArrayView<byte> bodyView = _buffers.Upload("body", body);
        ArrayView<int> offsets = _buffers.Upload("offsets", (ReadOnlySpan<int>)Interleave(offsetList));
        ArrayView<double> distanceView = _buffers.Upload("distances", (ReadOnlySpan<double>)distances);
        int boxCount = box.VoxelCount;
        int chunk = _chunking.Chunk(boxCount, reduction: true);
        int chunks = KernelChunking.Chunks(boxCount, chunk);
        ArrayView<double> sums = _buffers.Get<double>("sums", chunks);
        ArrayView<long> counts = _buffers.Get<long>("counts", chunks);
        _shell(chunks, input, voiView, bodyView, offsets, distanceView, sums, counts, grid, box, innerMm * innerMm, chunk,
            boxCount);
        _accelerator.Synchronize();
        double[] partialSums = new double[chunks];
        long[] partialCounts = new long[chunks];
        sums.CopyToCPU(partialSums);
        counts.CopyToCPU(partialCounts);
        double sum = 0;
        long n = 0;
        for (int t = 0; t < chunks; t++)
        {
            sum += partialSums[t];
            n += partialCounts[t];
        }

        return (sum, n);
    }

    private (int MinX, int MinY, int MinZ, int MaxX, int MaxY, int MaxZ)? VoiBounds(ArrayView<byte> voi, GridSize grid, int count)
    {
        int chunk = _chunking.Chunk(count, reduction: true);
        int chunks = KernelChunking.Chunks(count, chunk);
        ArrayView<int> partials = _buffers.Get<int>("partials", 6L * chunks);
        _bounds(chunks, voi, partials, grid, chunk, count);
        _accelerator.Synchronize();
        int[] b = new int[6 * chunks];
        partials.CopyToCPU(b);
        int minX = int.MaxValue, minY = int.MaxValue, minZ = int.MaxValue, maxX = -1, maxY = -1, maxZ = -1;
        for (int t = 0; t < chunks; t++)
        {
            int o = 6 * t;
            minX = Math.Min(minX, b[o]);
            minY = Math.Min(minY, b[o + 1]);
            minZ = Math.Min(minZ, b[o + 2]);
            maxX = Math.Max(maxX, b[o + 3]);
            maxY = Math.Max(maxY, b[o + 4]);
            maxZ = Math.Max(maxZ, b[o + 5]);
        }

        return maxX < 0 ? null : (minX, minY, minZ, maxX, maxY, maxZ);
    }
}
