using PacsNode.Quantification.Kernels;

namespace PacsNode.Quantification.Vois;

/// <summary>
/// A box of a volume: the bounding box of some voxels grown by a margin (clipped to the volume), so kernels that
/// look a fixed distance around a VOI (SUVpeak spheres, the background shell) run on a small copy. Spheres that reach
/// the crop's edge reach the volume's edge too, as long as the margin covers the radius.
/// </summary>
internal sealed class VolumeCrop
{
    private VolumeCrop(VolumeShape full, VolumeShape shape, int x0, int y0, int z0)
    {
        Full = full;
        Shape = shape;
        X0 = x0;
        Y0 = y0;
        Z0 = z0;
    }

    public VolumeShape Full { get; }

    public VolumeShape Shape { get; }

    public int X0 { get; }

    public int Y0 { get; }

    public int Z0 { get; }

    /// <summary>The bounding box of <paramref name="voxels"/> grown by <paramref name="marginMm"/> (at least one voxel) on every side.</summary>
    public static VolumeCrop Around(VolumeShape full, IReadOnlyList<int> voxels, double marginMm)
    {
        ArgumentOutOfRangeException.ThrowIfZero(voxels.Count);
        int minX = int.MaxValue, minY = int.MaxValue, minZ = int.MaxValue, maxX = -1, maxY = -1, maxZ = -1;
        foreach (int index in voxels)
        {
            (int x, int y, int z) = full.Coordinates(index);
            minX = Math.Min(minX, x);
            minY = Math.Min(minY, y);
            minZ = Math.Min(minZ, z);
            maxX = Math.Max(maxX, x);
            maxY = Math.Max(maxY, y);
            maxZ = Math.Max(maxZ, z);
        }

        int mx = (int)Math.Ceiling(marginMm / full.SpacingX) + 1;
        int my = (int)Math.Ceiling(marginMm / full.SpacingY) + 1;
        int mz = (int)Math.Ceiling(marginMm / full.SpacingZ) + 1;
        int x0 = Math.Max(0, minX - mx), y0 = Math.Max(0, minY - my), z0 = Math.Max(0, minZ - mz);
        int x1 = Math.Min(full.Columns - 1, maxX + mx), y1 = Math.Min(full.Rows - 1, maxY + my), z1 = Math.Min(full.Slices - 1, maxZ + mz);
        var shape = new VolumeShape(x1 - x0 + 1, y1 - y0 + 1, z1 - z0 + 1, full.SpacingX, full.SpacingY, full.SpacingZ);
        return new VolumeCrop(full, shape, x0, y0, z0);
    }

    /// <summary>The crop index of a full-volume index inside the box.</summary>
    public int ToCrop(int fullIndex)
    {
        (int x, int y, int z) = Full.Coordinates(fullIndex);
        return Shape.Index(x - X0, y - Y0, z - Z0);
    }

    /// <summary>The full-volume coordinates of a crop index.</summary>
    public (int X, int Y, int Z) ToFull(int cropIndex)
    {
        (int x, int y, int z) = Shape.Coordinates(cropIndex);
        return (x + X0, y + Y0, z + Z0);
    }

    /// <summary>Copies the box out of a full-volume array.</summary>
    public T[] Copy<T>(ReadOnlySpan<T> full)
    {
        var result = new T[Shape.VoxelCount];
        int cols = Shape.Columns;
        for (int z = 0; z < Shape.Slices; z++)
        {
            for (int y = 0; y < Shape.Rows; y++)
            {
                full.Slice(Full.Index(X0, y + Y0, z + Z0), cols).CopyTo(result.AsSpan(Shape.Index(0, y, z), cols));
            }
        }

        return result;
    }
}
