using PacsNode.Dicom.IO;
using PacsNode.Quantification.Tests.Support;
using PacsNode.Quantification.Volume;
using Xunit;

namespace PacsNode.Quantification.Tests.Volume;

/// <summary>
/// CT onto the PET grid. Truth: trilinear interpolation reproduces a linear function of position exactly, so a CT
/// whose HU is 10 + 2x + 4y − 2z must give exactly that at every PET voxel centre inside the CT, whatever the grids.
/// </summary>
public sealed class CtResamplerTests
{
    private static readonly PatientVector AxialRow = new(1, 0, 0);
    private static readonly PatientVector AxialColumn = new(0, 1, 0);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static double Linear(PatientVector p) => 10 + (2 * p.X) + (4 * p.Y) - (2 * p.Z);

    private static VolumeGeometry AxialPet(int columns, int rows, int slices, double spacing, double sliceSpacing, PatientVector origin) =>
        new(columns, rows, slices, spacing, spacing, sliceSpacing, origin, AxialRow, AxialColumn, [.. Enumerable.Range(0, slices)]);

    private static void AssertLinearEverywhere(CtVolume volume, double tolerance)
    {
        VolumeGeometry g = volume.Geometry;
        for (int z = 0; z < g.SliceCount; z++)
        {
            for (int y = 0; y < g.Rows; y++)
            {
                for (int x = 0; x < g.Columns; x++)
                {
                    Assert.Equal(Linear(g.VoxelToPatient(x, y, z)), volume[x, y, z], tolerance);
                }
            }
        }
    }

    [Fact]
    public async Task AxialCt_LinearHu_ReproducedExactlyAtPetCentres_WithPerSliceRescale()
    {
        // CT: 2 mm pixels, 3 mm slices, x,y in [−20, 18], z in [−15, 12]; even slices slope 2 intercept −1024, odd slope 1
        // intercept 0. The HU are even integers at these centres, so storage is exact.
        List<DicomFile> ct = SyntheticCt.Series(AxialRow, AxialColumn, 20, 20, 10, 2, 2, 3, new PatientVector(-20, -20, -15),
            Linear, k => k % 2 == 0 ? (2, -1024) : (1, 0));
        VolumeGeometry pet = AxialPet(8, 8, 5, 4, 3, new PatientVector(-15, -15, -12));

        VolumeResult<CtVolume> result = await CtResampler.ResampleAsync(ct, pet, SyntheticCt.FrameOfReference, Token);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(0, result.Value.OutsideVoxelCount);
        Assert.Equal(20, result.Value.CtGeometry.Columns);
        AssertLinearEverywhere(result.Value, 1e-3);
        // One voxel by hand: PET (1, 2, 3) centre (−11, −7, −3): 10 − 22 − 28 + 6 = −34.
        Assert.Equal(-34, result.Value[1, 2, 3], 1e-4);
    }

    [Fact]
    public async Task ObliqueCt_OtherSpacing_ReproducedAtPetCentres()
    {
        // CT rotated 30° about z and tilted, 1.5 × 2.5 mm pixels, 2 mm slices, centred on the origin; slope 0.01 (stored
        // rounding ≤ 0.005 HU). The PET grid (axial 4 mm) lies inside it.
        double c = Math.Cos(Math.PI / 6), s = Math.Sin(Math.PI / 6);
        var row = new PatientVector(c, s, 0);
        PatientVector column = new PatientVector(-s, c, 0) * Math.Cos(0.2) + new PatientVector(0, 0, Math.Sin(0.2));
        PatientVector normal = row.Cross(column);
        PatientVector origin = (row * (-39 * 1.5 / 2)) + (column * (-29 * 2.5 / 2)) + (normal * (-29 * 2.0 / 2));
        List<DicomFile> ct = SyntheticCt.Series(row, column, 40, 30, 30, 2.5, 1.5, 2, origin, Linear, _ => (0.01, 0));
        VolumeGeometry pet = AxialPet(5, 5, 4, 4, 4, new PatientVector(-8, -8, -6));

        VolumeResult<CtVolume> result = await CtResampler.ResampleAsync(ct, pet, SyntheticCt.FrameOfReference, Token);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(0, result.Value.OutsideVoxelCount);
        AssertLinearEverywhere(result.Value, 0.006);
    }

    [Fact]
    public async Task PetBeyondCt_OutsideVoxelsAreAir_AndCounted()
    {
        // CT centres x,y in [0, 6], z in [0, 4] (2 mm); PET 2 mm grid from −2: x = −2..8 (6 columns), z = −2..6 (5 slices).
        // Inside: x,y ∈ {0,2,4,6} (4 of 6), z ∈ {0,2,4} (3 of 5) → 48 of 180; 132 outside.
        List<DicomFile> ct = SyntheticCt.Series(AxialRow, AxialColumn, 4, 4, 3, 2, 2, 2, new PatientVector(0, 0, 0), Linear, _ => (1, 0));
        VolumeGeometry pet = AxialPet(6, 6, 5, 2, 2, new PatientVector(-2, -2, -2));

        VolumeResult<CtVolume> result = await CtResampler.ResampleAsync(ct, pet, SyntheticCt.FrameOfReference, Token);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(132, result.Value.OutsideVoxelCount);
        Assert.Equal(CtResampler.OutsideHu, result.Value[0, 1, 1]);
        Assert.Equal(CtResampler.OutsideHu, result.Value[1, 1, 4]);
        Assert.Equal(Linear(new PatientVector(6, 6, 4)), result.Value[4, 4, 3], 1e-4);
    }

    [Fact]
    public async Task OtherFrameOfReference_Refused()
    {
        List<DicomFile> ct = SyntheticCt.Series(AxialRow, AxialColumn, 4, 4, 3, 2, 2, 2, new PatientVector(0, 0, 0), Linear, _ => (1, 0));
        VolumeGeometry pet = AxialPet(2, 2, 2, 2, 2, new PatientVector(0, 0, 0));

        VolumeResult<CtVolume> result = await CtResampler.ResampleAsync(ct, pet, "2.25.999", Token);

        Assert.Equal(VolumeFailureReason.FrameOfReferenceMismatch, result.Failure?.Reason);
        Assert.Contains("2.25.999", result.Failure!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OneCtSliceWithoutFrameOfReference_Refused()
    {
        List<DicomFile> ct = SyntheticCt.Series(AxialRow, AxialColumn, 4, 4, 3, 2, 2, 2, new PatientVector(0, 0, 0), Linear, _ => (1, 0));
        ct[1].Dataset.Remove(PacsNode.Dicom.Dictionary.DicomTag.FrameOfReferenceUID);
        VolumeGeometry pet = AxialPet(2, 2, 2, 2, 2, new PatientVector(0, 0, 0));

        VolumeResult<CtVolume> result = await CtResampler.ResampleAsync(ct, pet, SyntheticCt.FrameOfReference, Token);

        Assert.Equal(VolumeFailureReason.FrameOfReferenceMismatch, result.Failure?.Reason);
    }
}
