using PacsNode.Quantification.Assessment;
using PacsNode.Quantification.Tests.Support;
using PacsNode.Quantification.Volume;
using Xunit;

namespace PacsNode.Quantification.Tests.Assessment;

public sealed class VoiCarrierTests
{
    private static int Index(VolumeGeometry g, int x, int y, int z) => x + (g.Columns * (y + (g.Rows * z)));

    [Fact]
    public void Carry_TranslationOfWholeVoxels_ShiftsIndices()
    {
        VolumeGeometry g = SyntheticVolume.Geometry(10, 10, 10, 4);
        int[] voi = [Index(g, 2, 3, 4), Index(g, 3, 3, 4), Index(g, 3, 4, 5)];

        int[] carried = VoiCarrier.Carry(voi, g, g, RigidAlignment.Given(new PatientVector(4, -8, 12)));

        Assert.Equal(new[] { Index(g, 3, 1, 7), Index(g, 4, 1, 7), Index(g, 4, 2, 8) }, carried);
    }

    [Fact]
    public void Carry_QuarterTurnAboutVoxelCentrePlusShift_TurnsTheVoi()
    {
        // 90° about z through voxel (5, 5, 5) = (20, 20, 20) mm: +x neighbours become +y neighbours; then 4 mm = one
        // voxel along x. (6,5,5)→(5,6,5)→(6,6,5); (7,5,5)→(5,7,5)→(6,7,5); (7,5,6)→(5,7,6)→(6,7,6); (5,5,5)→(6,5,5).
        VolumeGeometry g = SyntheticVolume.Geometry(10, 10, 10, 4);
        int[] voi = [Index(g, 5, 5, 5), Index(g, 6, 5, 5), Index(g, 7, 5, 5), Index(g, 7, 5, 6)];
        var turn = RigidAlignment.Given(new PatientVector(4, 0, 0), new PatientVector(0, 0, 90), new PatientVector(20, 20, 20));

        int[] carried = VoiCarrier.Carry(voi, g, g, turn);

        Assert.Equal(new[] { Index(g, 6, 5, 5), Index(g, 6, 6, 5), Index(g, 6, 7, 5), Index(g, 6, 7, 6) }, carried);
    }

    [Fact]
    public void Carry_SubVoxelTranslation_RoundsToNearestSourceVoxel()
    {
        VolumeGeometry g = SyntheticVolume.Geometry(10, 10, 10, 4);

        // 1.9 mm is less than half a voxel: the VOI stays where it is; 2.1 mm moves it by one voxel.
        Assert.Equal(new[] { Index(g, 5, 5, 5) }, VoiCarrier.Carry([Index(g, 5, 5, 5)], g, g, RigidAlignment.Given(new PatientVector(1.9, 0, 0))));
        Assert.Equal(new[] { Index(g, 6, 5, 5) }, VoiCarrier.Carry([Index(g, 5, 5, 5)], g, g, RigidAlignment.Given(new PatientVector(2.1, 0, 0))));
    }

    [Fact]
    public void Carry_ToGridOfHalfSpacing_EightTargetVoxelsPerSourceVoxel()
    {
        VolumeGeometry coarse = SyntheticVolume.Geometry(10, 10, 10, 4);
        // The fine grid's voxel centres at 0, 2, 4 … mm, shifted by −1 mm so that each coarse voxel [c−2, c+2) holds two.
        VolumeGeometry fine = SyntheticVolume.Geometry(20, 20, 20, 2, new PatientVector(-1, -1, -1));
        int[] voi = [Index(coarse, 4, 4, 4), Index(coarse, 5, 4, 4)];

        int[] carried = VoiCarrier.Carry(voi, coarse, fine, RigidAlignment.Identity);

        Assert.Equal(16, carried.Length);
        Assert.Equal(VoiCarrier.Centroid(voi, coarse), VoiCarrier.Centroid(carried, fine));
    }

    [Fact]
    public void Carry_OutsideTarget_Empty()
    {
        VolumeGeometry g = SyntheticVolume.Geometry(10, 10, 10, 4);

        Assert.Empty(VoiCarrier.Carry([Index(g, 9, 9, 9)], g, g, RigidAlignment.Given(new PatientVector(0, 0, 10))));
    }

    [Fact]
    public void Centroid_IsMeanOfVoxelCentres()
    {
        VolumeGeometry g = SyntheticVolume.Geometry(10, 10, 10, 4, new PatientVector(-10, 0, 100));

        PatientVector c = VoiCarrier.Centroid([Index(g, 0, 0, 0), Index(g, 2, 1, 0), Index(g, 1, 2, 3)], g);

        Assert.Equal(new PatientVector(-10 + 4, 4, 100 + 4), c);
    }
}
