using PacsNode.Quantification.Kernels;
using PacsNode.Quantification.Lesions;
using PacsNode.Quantification.Tests.Support;
using PacsNode.Quantification.Vois;
using PacsNode.Quantification.Volume;
using Xunit;

namespace PacsNode.Quantification.Tests.Lesions;

public sealed class LiverReferenceFinderTests
{
    private static readonly ReferenceKernels Kernels = new();

    [Fact]
    public void Find_Torso_PicksASphereWhollyInTheLiverNotTheSpleenOrHeart()
    {
        SuvVolume torso = SyntheticTorso.Create();
        var body = BodyMask.Compute(torso, Kernels);

        LiverSearch search = new LiverReferenceFinder(Kernels).Find(torso, body, 0.8);

        Assert.True(search.IsFound, search.Reason);
        LiverReference liver = search.Liver;
        (int x, int y, int z) = liver.CentreVoxel;
        // Every voxel centre of the 15 mm (3.75 voxel) sphere lies in the liver, whose uptake is 2 ± 0.06.
        for (int dz = -3; dz <= 3; dz++)
        {
            for (int dy = -3; dy <= 3; dy++)
            {
                for (int dx = -3; dx <= 3; dx++)
                {
                    if ((dx * dx) + (dy * dy) + (dz * dz) <= 3.75 * 3.75)
                    {
                        Assert.True(SyntheticTorso.InLiver(x + dx, y + dy, z + dz), $"centre {liver.CentreVoxel}, offset {(dx, dy, dz)}");
                    }
                }
            }
        }

        Assert.InRange(liver.SuvMean, 1.94, 2.06);
        Assert.InRange(liver.SuvSd, 0, 0.02);
        Assert.Equal(0.8 * liver.SuvMean, liver.SulMean!.Value, 1e-9);
        Assert.Equal(torso.Geometry.VoxelToPatient(x, y, z), liver.CentreMm);
        Assert.True(liver.Automatic);
        // The right lung's cross-section is 12·14·π·(1 − (dz/15)²) voxels against the right half-ellipse's 40·28·π/2:
        // ≥ 15% for |dz| ≤ 10, so slices 50–70 are lung and the base is slice 50, z = −160 + 50·4 = 40 mm.
        Assert.Contains("lung base at z = 40 mm (21 lung slices)", search.Notes);
    }

    [Fact]
    public void At_GivenCentre_MeasuresThatSphere()
    {
        SuvVolume torso = SyntheticTorso.Create();

        LiverSearch search = new LiverReferenceFinder(Kernels).At(torso, new PatientVector(74, -2, -20), null);

        // (74, −2, −20) mm is voxel (66, 47, 35), the centre of the homogeneous spleen of 2.
        Assert.True(search.IsFound);
        Assert.Equal((66, 47, 35), search.Liver.CentreVoxel);
        Assert.Equal(2, search.Liver.SuvMean, 1e-6);
        Assert.Null(search.Liver.SulMean);
        Assert.False(search.Liver.Automatic);
    }

    [Fact]
    public void Find_UniformCylinder_FindsNoModerateUptakeSphere()
    {
        SuvVolume cylinder = SyntheticVolume.Create(40, 40, 30, 4, (x, y, z) => ((x - 20) * (x - 20)) + ((y - 20) * (y - 20)) < 300 ? 1f : 0f);

        LiverSearch search = new LiverReferenceFinder(Kernels).Find(cylinder, BodyMask.Compute(cylinder, Kernels), null);

        Assert.False(search.IsFound);
        Assert.Contains("no candidate sphere", search.Reason, StringComparison.Ordinal);
        Assert.Contains(search.Notes, n => n.StartsWith("no lung slices", StringComparison.Ordinal));
    }
}
