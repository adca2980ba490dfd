namespace PacsNode.Quantification.Kernels.Ilgpu;

/// <summary>The voxel grid as a kernel argument: index x + Columns·(y + Rows·z). Plain ints, so every backend can take it.</summary>
internal readonly struct GridSize(int columns, int rows, int slices)
{
    public readonly int Columns = columns;
    public readonly int Rows = rows;
    public readonly int Slices = slices;

    public static GridSize Of(VolumeShape shape) => new(shape.Columns, shape.Rows, shape.Slices);
}
