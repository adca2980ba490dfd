namespace PacsNode.Quantification.Phantoms;

/// <summary>
/// The as-stored truth of one sphere, computed from the written voxels (quantised, decoded as stored × slope ×
/// SUVbw factor). The mask is the voxels whose centres lie within the sphere; MTV = count × voxel volume; SUVpeak is
/// the largest mean over voxel centres within 6.2035 mm (1 cm³) of a mask voxel's centre, clipped to the volume.
/// </summary>
public sealed record PhantomSphereTruth(
    int Number,
    PhantomSphere Sphere,
    int VoxelCount,
    double MtvMl,
    double SuvMax,
    PhantomVoxel MaxVoxel,
    double SuvMean,
    double SuvPeak,
    PhantomVoxel PeakVoxel,
    PhantomVoxel CentreVoxel,
    double CentreSuv);
