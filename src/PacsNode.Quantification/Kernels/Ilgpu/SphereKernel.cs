using ILGPU;

namespace PacsNode.Quantification.Kernels.Ilgpu;

/// <summary>
/// Mean and sample SD of the voxels within a sphere around each centre voxel, clipped to the volume. The offsets are
/// <see cref="SphereOffsets"/>' list (dx, dy, dz interleaved), visited in its order with double sums, exactly as the
/// reference does, so every backend adds the same numbers in the same order.
/// </summary>
internal static class SphereKernel
{
    internal static void Run(Index1D thread, ArrayView<float> values, ArrayView<int> centres, ArrayView<int> offsets,
        ArrayView<float> means, ArrayView<float> deviations, GridSize grid, int offsetCount, int wantDeviations,
        int chunk, int count)
    {
        int start = thread.X * chunk;
        int end = Math.Min(start + chunk, count);
        int plane = grid.Columns * grid.Rows;
        for (int c = start; c < end; c++)
        {
            int centre = centres[c];
            int cz = centre / plane;
            int rest = centre - (cz * plane);
            int cy = rest / grid.Columns;
            int cx = rest - (cy * grid.Columns);
            double sum = 0;
            double squares = 0;
            long n = 0;
            for (int k = 0; k < offsetCount; k++)
            {
                int x = cx + offsets[3 * k];
                int y = cy + offsets[(3 * k) + 1];
                int z = cz + offsets[(3 * k) + 2];
                if (x < 0 || y < 0 || z < 0 || x >= grid.Columns || y >= grid.Rows || z >= grid.Slices)
                {
                    continue;
                }

                double v = values[x + (grid.Columns * (y + (grid.Rows * z)))];
                sum += v;
                squares += v * v;
                n++;
            }

            means[c] = (float)(sum / n);
            if (wantDeviations != 0)
            {
                deviations[c] = n < 2 ? 0f : (float)Math.Sqrt(Math.Max(0, (squares - (sum * sum / n)) / (n - 1)));
            }
        }
    }
}
