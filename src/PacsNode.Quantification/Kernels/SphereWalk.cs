namespace PacsNode.Quantification.Kernels;

/// <summary>
/// The host-side walks over a <see cref="SphereOffsets"/> list that the reference and the managed parallel backends
/// share: the statistics of one sphere, and whether one voxel lies in the background shell of a VOI.
/// </summary>
internal static class SphereWalk
{
    /// <summary>Mean and sample SD of the voxels at <paramref name="offsets"/> around <paramref name="centre"/>, clipped to the volume.</summary>
    public static (float Mean, float StandardDeviation) Statistics(
        ReadOnlySpan<float> values, VolumeShape shape, (int Dx, int Dy, int Dz, double DistanceSquared)[] offsets, int centre)
    {
        (int cx, int cy, int cz) = shape.Coordinates(centre);
        double sum = 0, squares = 0;
        long n = 0;
        foreach ((int dx, int dy, int dz, double _) in offsets)
        {
            int x = cx + dx, y = cy + dy, z = cz + dz;
            if (x < 0 || y < 0 || z < 0 || x >= shape.Columns || y >= shape.Rows || z >= shape.Slices)
            {
                continue;
            }

            double v = values[shape.Index(x, y, z)];
            sum += v;
            squares += v * v;
            n++;
        }

        float sd = n < 2 ? 0f : (float)Math.Sqrt(Math.Max(0, (squares - (sum * sum / n)) / (n - 1)));
        return ((float)(sum / n), sd);
    }

    /// <summary>
    /// Whether voxel (cx, cy, cz) is in the shell: its nearest VOI voxel (offsets ascend in distance) lies within the
    /// outer radius the offsets were made for and farther than √<paramref name="inner2"/>. The caller checks that the
    /// voxel itself is outside the VOI and inside the body.
    /// </summary>
    public static bool InShell(ReadOnlySpan<byte> voi, VolumeShape shape,
        (int Dx, int Dy, int Dz, double DistanceSquared)[] offsets, int cx, int cy, int cz, double inner2)
    {
        foreach ((int dx, int dy, int dz, double d2) in offsets)
        {
            int x = cx + dx, y = cy + dy, z = cz + dz;
            if (x < 0 || y < 0 || z < 0 || x >= shape.Columns || y >= shape.Rows || z >= shape.Slices
                || voi[shape.Index(x, y, z)] == 0)
            {
                continue;
            }

            return d2 > inner2;
        }

        return false;
    }
}
