using PacsNode.Quantification.Suv;

namespace PacsNode.Quantification.Volume;

/// <summary>A float SUV volume on <see cref="Geometry"/>; <see cref="Voxels"/>[x + Columns·(y + Rows·z)].</summary>
public sealed class SuvVolume
{
    internal SuvVolume(VolumeGeometry geometry, float[] voxels, SuvNormalisation normalisation)
    {
        Geometry = geometry;
        Voxels = voxels;
        Normalisation = normalisation;
    }

    public VolumeGeometry Geometry { get; }

    /// <summary>The voxels. Exposed as an array so kernels can copy it to a device without another copy.</summary>
#pragma warning disable CA1819 // the volume is a buffer by design
    public float[] Voxels { get; }
#pragma warning restore CA1819

    public SuvNormalisation Normalisation { get; }

    public float this[int x, int y, int z] => Voxels[x + (Geometry.Columns * (y + (Geometry.Rows * z)))];

    public override string ToString() =>
        $"{Normalisation} volume {Geometry.Columns}×{Geometry.Rows}×{Geometry.SliceCount}";
}
