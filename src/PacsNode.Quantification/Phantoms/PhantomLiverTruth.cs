namespace PacsNode.Quantification.Phantoms;

/// <summary>
/// The liver as stored: its ellipsoid, nominal SUV, the mean over voxels classified liver (spheres inside it excluded),
/// and the mean over voxel centres within 15 mm of its centre (the 3 cm reference sphere of PERCIST).
/// </summary>
public sealed record PhantomLiverTruth(
    PhantomEllipsoid Ellipsoid, double NominalSuv, long VoxelCount, double SuvMean, long Sphere3CmVoxelCount, double Sphere3CmSuvMean);
