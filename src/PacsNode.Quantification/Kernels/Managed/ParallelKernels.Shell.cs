namespace PacsNode.Quantification.Kernels.Managed;

/// <summary>The background shell over the VOI's bounding box grown by the outer radius, partial sums per chunk in order.</summary>
internal sealed partial class ParallelKernels
{
    public (double Sum, long Count) ShellSum(ReadOnlySpan<float> values, ReadOnlySpan<byte> voi, ReadOnlySpan<byte> body,
        VolumeShape shape, double innerMm, double outerMm)
    {
        CheckLength(values.Length, shape, nameof(values));
        CheckLength(voi.Length, shape, nameof(voi));
        CheckLength(body.Length, shape, nameof(body));
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

        int x0 = Math.Max(0, minX - (int)Math.Floor(outerMm / shape.SpacingX));
        int y0 = Math.Max(0, minY - (int)Math.Floor(outerMm / shape.SpacingY));
        int z0 = Math.Max(0, minZ - (int)Math.Floor(outerMm / shape.SpacingZ));
        int width = Math.Min(shape.Columns - 1, maxX + (int)Math.Floor(outerMm / shape.SpacingX)) - x0 + 1;
        int height = Math.Min(shape.Rows - 1, maxY + (int)Math.Floor(outerMm / shape.SpacingY)) - y0 + 1;
        int depth = Math.Min(shape.Slices - 1, maxZ + (int)Math.Floor(outerMm / shape.SpacingZ)) - z0 + 1;
        double inner2 = innerMm * innerMm;
        var box = new Ilgpu.GridBox(x0, y0, z0, width, height, depth);
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

            foreach ((int dx, int dy, int dz, double d2) in offsets)
            {
                int x = cx + dx, y = cy + dy, z = cz + dz;
                if (x < 0 || y < 0 || z < 0 || x >= shape.Columns || y >= shape.Rows || z >= shape.Slices
                    || voi[shape.Index(x, y, z)] == 0)
                {
                    continue;
                }

                // The nearest VOI voxel decides.
                if (d2 > inner2)
                {
                    sum += values[i];
                    n++;
                }

                break;
            }
        }

        return (sum, n);
    }
}
