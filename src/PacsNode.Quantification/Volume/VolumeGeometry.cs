namespace PacsNode.Quantification.Volume;

/// <summary>
/// The grid of a volume. Voxel (x, y, z) is column x, row y of the z-th slice in ascending position along
/// <see cref="Normal"/>; its centre is Origin + x·ColumnSpacing·RowDirection + y·RowSpacing·ColumnDirection +
/// z·SliceSpacing·Normal. Array index: x + Columns·(y + Rows·z).
/// </summary>
/// <param name="Columns">Columns (0028,0011).</param>
/// <param name="Rows">Rows (0028,0010).</param>
/// <param name="SliceCount">Number of slices.</param>
/// <param name="RowSpacing">PixelSpacing[0]: mm between rows.</param>
/// <param name="ColumnSpacing">PixelSpacing[1]: mm between columns.</param>
/// <param name="SliceSpacing">mm between slice centres along the normal (SliceThickness for a single slice, or 0).</param>
/// <param name="Origin">ImagePositionPatient of the first slice in volume order.</param>
/// <param name="RowDirection">ImageOrientationPatient[0..2]: direction of increasing column index.</param>
/// <param name="ColumnDirection">ImageOrientationPatient[3..5]: direction of increasing row index.</param>
/// <param name="SliceOrder">SliceOrder[z] = index of that slice in the list given to the assembler.</param>
public sealed record VolumeGeometry(
    int Columns,
    int Rows,
    int SliceCount,
    double RowSpacing,
    double ColumnSpacing,
    double SliceSpacing,
    PatientVector Origin,
    PatientVector RowDirection,
    PatientVector ColumnDirection,
    IReadOnlyList<int> SliceOrder)
{
    /// <summary>RowDirection × ColumnDirection.</summary>
    public PatientVector Normal => RowDirection.Cross(ColumnDirection);

    public long VoxelCount => (long)Columns * Rows * SliceCount;

    /// <summary>The patient position (mm) of a (fractional) voxel coordinate.</summary>
    public PatientVector VoxelToPatient(double x, double y, double z) =>
        Origin + (RowDirection * (x * ColumnSpacing)) + (ColumnDirection * (y * RowSpacing)) + (Normal * (z * SliceSpacing));

    /// <summary>The (fractional) voxel coordinate of a patient position; inverse of <see cref="VoxelToPatient"/>.</summary>
    public (double X, double Y, double Z) PatientToVoxel(PatientVector point)
    {
        PatientVector d = point - Origin;
        double z = SliceSpacing > 0 ? d.Dot(Normal) / SliceSpacing : 0;
        return (d.Dot(RowDirection) / ColumnSpacing, d.Dot(ColumnDirection) / RowSpacing, z);
    }
}
