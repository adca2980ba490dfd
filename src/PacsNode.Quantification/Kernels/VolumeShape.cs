namespace PacsNode.Quantification.Kernels;

/// <summary>
/// The extent and voxel spacing of a volume handed to a kernel: index x + Columns·(y + Rows·z), spacing in mm along
/// x (between columns), y (between rows) and z (between slices). The grid is orthogonal (VolumeGeometry's is).
/// </summary>
public readonly record struct VolumeShape(int Columns, int Rows, int Slices, double SpacingX, double SpacingY, double SpacingZ)
{
    public int VoxelCount => checked(Columns * Rows * Slices);

    /// <summary>Voxel volume in ml (mm³ / 1000).</summary>
    public double VoxelMillilitres => SpacingX * SpacingY * SpacingZ / 1000.0;

    public int Index(int x, int y, int z) => x + (Columns * (y + (Rows * z)));

    public (int X, int Y, int Z) Coordinates(int index)
    {
        int plane = Columns * Rows;
        int z = index / plane;
        int rest = index - (z * plane);
        return (rest % Columns, rest / Columns, z);
    }
}
