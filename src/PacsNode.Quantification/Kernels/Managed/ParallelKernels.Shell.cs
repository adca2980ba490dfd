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
        float[] input = values.ToArray();
        byte[] voiArray = voi.ToArray();
        byte[] bodyArray = body.ToArray();
        double inner2 = innerMm * innerMm;
        double[] sums = new double[_chunking.MaxThreads];
        long[] counts = new long[_chunking.MaxThreads];
        int chunks = For(width * height * depth, reduction: true, (t, start, end) =>
        {
            double sum = 0;
            long n = 0;
            for (int b = start; b < end; b++)
            {
                int cx = x0 + (b % width), cy = y0 + (b / width % height), cz = z0 + (b / (width * height));
                int i = shape.Index(cx, cy, cz);
                if (voiArray[i] != 0 || bodyArray[i] == 0)
                {
                    continue;
                }

                foreach ((int dx, int dy, int dz, double d2) in offsets)
                {
                    int x = cx + dx, y = cy + dy, z = cz + dz;
                    if (x < 0 || y < 0 || z < 0 || x >= shape.Columns || y >= shape.Rows || z >= shape.Slices
                        || voiArray[shape.Index(x, y, z)] == 0)
                    {
                        continue;
                    }

                    if (d2 > inner2)
                    {
                        sum += input[i];
                        n++;
                    }

                    break;
                }
            }

            sums[t] = sum;
            counts[t] = n;
        });
        double total = 0;
        long count = 0;
        for (int t = 0; t < chunks; t++)
        {
            total += sums[t];
            count += counts[t];
        }

        return (total, count);
    }
}
