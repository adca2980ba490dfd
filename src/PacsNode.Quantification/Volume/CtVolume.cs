namespace PacsNode.Quantification.Volume;

/// <summary>
/// A CT resampled onto another grid (the PET's): <see cref="Hounsfield"/>[x + Columns·(y + Rows·z)] of
/// <see cref="Geometry"/>. Voxels whose centre lies outside the CT's extent hold <see cref="CtResampler.OutsideHu"/>
/// (air) and are counted in <see cref="OutsideVoxelCount"/>.
/// </summary>
public sealed class CtVolume
{
    internal CtVolume(VolumeGeometry geometry, VolumeGeometry ctGeometry, float[] hounsfield, long outsideVoxelCount)
    {
        Geometry = geometry;
        CtGeometry = ctGeometry;
        Hounsfield = hounsfield;
        OutsideVoxelCount = outsideVoxelCount;
    }

    /// <summary>The target grid (the PET's).</summary>
    public VolumeGeometry Geometry { get; }

    /// <summary>The CT's own grid, as assembled from its slices.</summary>
    public VolumeGeometry CtGeometry { get; }

#pragma warning disable CA1819 // the volume is a buffer by design
    public float[] Hounsfield { get; }
#pragma warning restore CA1819

    /// <summary>Target voxels outside the CT's extent, set to air.</summary>
    public long OutsideVoxelCount { get; }

    public float this[int x, int y, int z] => Hounsfield[x + (Geometry.Columns * (y + (Geometry.Rows * z)))];

    public override string ToString() =>
        $"CT (HU) on {Geometry.Columns}×{Geometry.Rows}×{Geometry.SliceCount}, {OutsideVoxelCount} voxels outside the CT";
}
