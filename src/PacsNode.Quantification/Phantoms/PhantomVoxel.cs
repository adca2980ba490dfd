namespace PacsNode.Quantification.Phantoms;

/// <summary>A PET voxel: column, row, and slice counted from the lowest z (the order of VolumeGeometry).</summary>
public readonly record struct PhantomVoxel(int X, int Y, int Z);
