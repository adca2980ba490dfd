using System.Globalization;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Quantification.Volume;
using Xunit;

namespace PacsNode.Quantification.Tests.Volume;

/// <summary>DOMAIN.md section 3: sorting along the normal and every geometry refusal.</summary>
public sealed class VolumeAssemblerTests
{
    private static DicomDataset Slice(double z, string orientation = "1\\0\\0\\0\\1\\0", string spacing = "2\\2", int rows = 4, double x = -10)
    {
        var slice = new DicomDataset();
        slice.SetString(DicomTag.ImageOrientationPatient, DicomVR.DS, orientation);
        slice.SetString(DicomTag.ImagePositionPatient, DicomVR.DS, string.Create(CultureInfo.InvariantCulture, $"{x}\\-20\\{z}"));
        slice.SetString(DicomTag.PixelSpacing, DicomVR.DS, spacing);
        slice.SetString(DicomTag.Rows, DicomVR.IS, rows.ToString(CultureInfo.InvariantCulture));
        slice.SetString(DicomTag.Columns, DicomVR.IS, "3");
        return slice;
    }

    [Fact]
    public void ShuffledSlices_SortedAlongNormal()
    {
        VolumeResult<VolumeGeometry> result = VolumeAssembler.Assemble([Slice(8), Slice(0), Slice(4), Slice(12)]);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal([1, 2, 0, 3], result.Value.SliceOrder);
        Assert.Equal(4, result.Value.SliceSpacing, 1e-12);
        Assert.Equal(new PatientVector(-10, -20, 0), result.Value.Origin);
        Assert.Equal(new PatientVector(-10 + 4, -20 + 6, 8), result.Value.VoxelToPatient(2, 3, 2));
    }

    [Fact]
    public void FeetFirstNormal_SortsByProjectionNotByZ()
    {
        // Row direction −x, column +y: normal −z, so the slice with the largest z comes first.
        string orientation = "-1\\0\\0\\0\\1\\0";
        VolumeResult<VolumeGeometry> result = VolumeAssembler.Assemble(
            [Slice(0, orientation), Slice(3, orientation), Slice(6, orientation)]);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal([2, 1, 0], result.Value.SliceOrder);
    }

    [Fact]
    public void Gap_RefusedAsUnevenSpacing()
    {
        VolumeResult<VolumeGeometry> result = VolumeAssembler.Assemble([Slice(0), Slice(4), Slice(12), Slice(16)]);

        Assert.Equal(VolumeFailureReason.UnevenSpacing, result.Failure?.Reason);
    }

    [Fact]
    public void SpacingWithinOnePercent_Accepted() =>
        Assert.True(VolumeAssembler.Assemble([Slice(0), Slice(4), Slice(8.03)]).IsSuccess);

    [Fact]
    public void Duplicate_Refused() =>
        Assert.Equal(VolumeFailureReason.DuplicatePosition, VolumeAssembler.Assemble([Slice(0), Slice(4), Slice(4)]).Failure?.Reason);

    [Fact]
    public void MixedOrientation_Refused() =>
        Assert.Equal(VolumeFailureReason.MixedOrientation, VolumeAssembler.Assemble([Slice(0), Slice(4, "0\\1\\0\\1\\0\\0")]).Failure?.Reason);

    [Fact]
    public void InPlaneShift_RefusedAsMixedOrientation() =>
        Assert.Equal(VolumeFailureReason.MixedOrientation, VolumeAssembler.Assemble([Slice(0), Slice(4, x: -5)]).Failure?.Reason);

    [Fact]
    public void MixedSpacing_Refused() =>
        Assert.Equal(VolumeFailureReason.MixedSpacing, VolumeAssembler.Assemble([Slice(0), Slice(4, spacing: "2\\2.5")]).Failure?.Reason);

    [Fact]
    public void MixedMatrix_Refused() =>
        Assert.Equal(VolumeFailureReason.MixedMatrix, VolumeAssembler.Assemble([Slice(0), Slice(4, rows: 5)]).Failure?.Reason);

    [Fact]
    public void MissingPosition_RefusedAsMissingGeometry()
    {
        DicomDataset broken = Slice(4);
        broken.Remove(DicomTag.ImagePositionPatient);

        Assert.Equal(VolumeFailureReason.MissingGeometry, VolumeAssembler.Assemble([Slice(0), broken]).Failure?.Reason);
    }

    [Fact]
    public void MultiFrameThatIsNotEnhancedPet_Refused()
    {
        DicomDataset enhanced = Slice(0);
        enhanced.SetString(DicomTag.NumberOfFrames, DicomVR.IS, "200");

        Assert.Equal(VolumeFailureReason.MultiFrameNotSupported, VolumeAssembler.Assemble([enhanced]).Failure?.Reason);
    }
}
