namespace PacsNode.Quantification.Kernels.Managed;

/// <summary>The background shell over the VOI's bounding box grown by the outer radius, partial sums per chunk in order.</summary>
internal sealed partial class ParallelKernels
{
    public (double Sum, long Count) ShellSum(ReadOnlySpan<float> values, ReadOnlySpan<byte> voi, ReadOnlySpan<byte> body,
        VolumeShape shape, double innerMm, double outerMm)
    {
        KernelArguments.VoxelCount(values.Length, shape, nameof(values));
        KernelArguments.VoxelCount(voi.Length, shape, nameof(voi));
        KernelArguments.VoxelCount(body.Length, shape, nameof(body));
        var offsets = SphereOffsets.Create(shape, outerMm);
        int minX = int.MaxValue, minY = int.MaxValue, minZ = int.MaxValue, maxX = -1, maxY = -1, maxZ = -1;
        int last = voi.LastIndexOfAnyExcept((byte)0);
        for (int i = voi.IndexOfAnyExcept((byte)0); i >= 0 && i <= last; i++)
        {
            if (voi[i] != 0)
            {
                (int x, int y, int z) = shape.Coordinates(i);
                minX = Math.Min(minX, x);
                minY = Math.Min(minY, y);
                minZ = Math.Min(minZ, z);
                maxX = Math.Max(maxX, x);
                maxY = Math.Max(maxY, y);
                maxZ = Math.Max(maxZ, z);
            }
        }

        if (maxX < 0)
        {
            return (0, 0);
        }

        double inner2 = innerMm * innerMm;
        var box = Ilgpu.GridBox.Around(minX, minY, minZ, maxX, maxY, maxZ, shape, outerMm);
        if ((long)box.VoxelCount * offsets.Length < inlineWork)
        {
            return ShellOverBox(values, voi, body, shape, offsets, box, inner2, 0, box.VoxelCount);
        }

        float[] input = _buffers.Copy("values", values);
        byte[] voiArray = _buffers.Copy("voi", voi);
        byte[] bodyArray = _buffers.Copy("body", body);
        double[] sums = new double[_chunking.MaxThreads];
        long[] counts = new long[_chunking.MaxThreads];
        int chunks = For(box.VoxelCount, reduction: true, (t, start, end) =>
            (sums[t], counts[t]) = ShellOverBox(input, voiArray, bodyArray, shape, offsets, box, inner2, start, end));
        double total = 0;
        long count = 0;
        for (int t = 0; t < chunks; t++)
        {
            total += sums[t];
            count += counts[t];
        }

        return (total, count);
    }

    /// <summary>Sum and count of the shell voxels among box voxels [start, end) (box-linear order).</summary>
    private static (double Sum, long Count) ShellOverBox(ReadOnlySpan<float> values, ReadOnlySpan<byte> voi, ReadOnlySpan<byte> body,
        VolumeShape shape, (int Dx, int Dy, int Dz, double DistanceSquared)[] offsets, Ilgpu.GridBox box, double inner2,
        int start, int end)
    {
        double sum = 0;
        long n = 0;
        for (int b = start; b < end; b++)
        {
            int cx = box.X0 + (b % box.Width), cy = box.Y0 + (b / box.Width % box.Height);
            int cz = box.Z0 + (b / (box.Width * box.Height));
            int i = shape.Index(cx, cy, cz);
            if (voi[i] != 0 || body[i] == 0)
            {
                continue;
            }

            if (SphereWalk.InShell(voi, shape, offsets, cx, cy, cz, inner2))
            {
                sum += values[i];
                n++;
            }
        }

        return (sum, n);
    }
}
