namespace PacsNode.Quantification.Kernels;

/// <summary>
/// The voxel offsets whose centres lie within a radius (distance ≤ radius) of a voxel's centre on an orthogonal grid,
/// in ascending distance (ties in ascending dz, dy, dx), shared by every backend so they visit the same voxels.
/// </summary>
public static class SphereOffsets
{
    /// <summary>The offsets (dx, dy, dz) and their squared distances in mm², nearest first.</summary>
    public static (int Dx, int Dy, int Dz, double DistanceSquared)[] Create(VolumeShape shape, double radiusMm)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(radiusMm);
        int rx = (int)Math.Floor(radiusMm / shape.SpacingX);
        int ry = (int)Math.Floor(radiusMm / shape.SpacingY);
        int rz = (int)Math.Floor(radiusMm / shape.SpacingZ);
        double limit = radiusMm * radiusMm;
        var offsets = new List<(int, int, int, double)>();
        for (int dz = -rz; dz <= rz; dz++)
        {
            for (int dy = -ry; dy <= ry; dy++)
            {
                for (int dx = -rx; dx <= rx; dx++)
                {
                    double x = dx * shape.SpacingX;
                    double y = dy * shape.SpacingY;
                    double z = dz * shape.SpacingZ;
                    double d2 = (x * x) + (y * y) + (z * z);
                    if (d2 <= limit)
                    {
                        offsets.Add((dx, dy, dz, d2));
                    }
                }
            }
        }

        return [.. offsets.OrderBy(o => o.Item4).ThenBy(o => o.Item3).ThenBy(o => o.Item2).ThenBy(o => o.Item1)];
    }
}
