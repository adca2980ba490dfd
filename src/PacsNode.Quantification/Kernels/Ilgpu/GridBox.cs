namespace PacsNode.Quantification.Kernels.Ilgpu;

/// <summary>An axis-aligned box of voxels [X0, X0 + Width) × [Y0, Y0 + Height) × [Z0, Z0 + Depth), as a kernel argument.</summary>
internal readonly struct GridBox(int x0, int y0, int z0, int width, int height, int depth)
{
    public readonly int X0 = x0;
    public readonly int Y0 = y0;
    public readonly int Z0 = z0;
    public readonly int Width = width;
    public readonly int Height = height;
    public readonly int Depth = depth;

    public int VoxelCount => Width * Height * Depth;

    /// <summary>
    /// The box of voxels [min, max] grown on each axis by the whole voxels within <paramref name="reachMm"/>, clipped to
    /// the volume: nothing outside it lies within that distance of a voxel of the box it grew from.
    /// </summary>
    public static GridBox Around(int minX, int minY, int minZ, int maxX, int maxY, int maxZ, VolumeShape shape, double reachMm)
    {
        int rx = (int)Math.Floor(reachMm / shape.SpacingX);
        int ry = (int)Math.Floor(reachMm / shape.SpacingY);
        int rz = (int)Math.Floor(reachMm / shape.SpacingZ);
        int x0 = Math.Max(0, minX - rx), y0 = Math.Max(0, minY - ry), z0 = Math.Max(0, minZ - rz);
        int x1 = Math.Min(shape.Columns - 1, maxX + rx);
        int y1 = Math.Min(shape.Rows - 1, maxY + ry);
        int z1 = Math.Min(shape.Slices - 1, maxZ + rz);
        return new GridBox(x0, y0, z0, x1 - x0 + 1, y1 - y0 + 1, z1 - z0 + 1);
    }
}
