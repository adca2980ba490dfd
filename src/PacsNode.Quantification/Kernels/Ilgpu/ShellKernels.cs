using ILGPU;

namespace PacsNode.Quantification.Kernels.Ilgpu;

/// <summary>
/// The lesion-to-background shell. First the VOI's bounding box (per-chunk partial boxes, combined on the host); then,
/// for each voxel of that box grown by the outer radius (no voxel outside it can be within the outer radius of the
/// VOI), the nearest VOI voxel is found by walking <see cref="SphereOffsets"/>' list in ascending distance, as the
/// reference does. Each thread writes a partial sum and count; the host adds them in chunk order.
/// </summary>
internal static class ShellKernels
{
    /// <summary>bounds[6t..6t+5] = min x, min y, min z, max x, max y, max z of the chunk's VOI voxels (min = int.MaxValue when none).</summary>
    internal static void Bounds(Index1D thread, ArrayView<byte> voi, ArrayView<int> bounds, GridSize grid, int chunk,
        int count)
    {
        int start = thread.X * chunk;
        int end = Math.Min(start + chunk, count);
        int plane = grid.Columns * grid.Rows;
        int minX = int.MaxValue, minY = int.MaxValue, minZ = int.MaxValue;
        int maxX = -1, maxY = -1, maxZ = -1;
        for (int i = start; i < end; i++)
        {
            if (voi[i] == 0)
            {
                continue;
            }

            int z = i / plane;
            int rest = i - (z * plane);
            int y = rest / grid.Columns;
            int x = rest - (y * grid.Columns);
            minX = Math.Min(minX, x);
            minY = Math.Min(minY, y);
            minZ = Math.Min(minZ, z);
            maxX = Math.Max(maxX, x);
            maxY = Math.Max(maxY, y);
            maxZ = Math.Max(maxZ, z);
        }

        int o = 6 * thread.X;
        bounds[o] = minX;
        bounds[o + 1] = minY;
        bounds[o + 2] = minZ;
        bounds[o + 3] = maxX;
        bounds[o + 4] = maxY;
        bounds[o + 5] = maxZ;
    }

    internal static void Sum(Index1D thread, ArrayView<float> values, ArrayView<byte> voi, ArrayView<byte> body,
        ArrayView<int> offsets, ArrayView<double> distancesSquared, ArrayView<double> sums, ArrayView<long> counts,
        GridSize grid, GridBox box, double innerSquared, int chunk, int count)
    {
        int start = thread.X * chunk;
        int end = Math.Min(start + chunk, count);
        int boxPlane = box.Width * box.Height;
        int offsetCount = (int)distancesSquared.Length;
        double sum = 0;
        long n = 0;
        for (int b = start; b < end; b++)
        {
            int bz = b / boxPlane;
            int rest = b - (bz * boxPlane);
            int by = rest / box.Width;
            int cx = box.X0 + rest - (by * box.Width);
            int cy = box.Y0 + by;
            int cz = box.Z0 + bz;
            int i = cx + (grid.Columns * (cy + (grid.Rows * cz)));
            if (voi[i] != 0 || body[i] == 0)
            {
                continue;
            }

            for (int k = 0; k < offsetCount; k++)
            {
                int x = cx + offsets[3 * k];
                int y = cy + offsets[(3 * k) + 1];
                int z = cz + offsets[(3 * k) + 2];
                if (x < 0 || y < 0 || z < 0 || x >= grid.Columns || y >= grid.Rows || z >= grid.Slices
                    || voi[x + (grid.Columns * (y + (grid.Rows * z)))] == 0)
                {
                    continue;
                }

                // The nearest VOI voxel decides: inside the inner radius the voxel is not background.
                if (distancesSquared[k] > innerSquared)
                {
                    sum += values[i];
                    n++;
                }

                break;
            }
        }

        sums[thread] = sum;
        counts[thread] = n;
    }
}
