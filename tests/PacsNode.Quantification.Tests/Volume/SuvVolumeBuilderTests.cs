using System.Buffers.Binary;
using System.Globalization;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO;
using PacsNode.Dicom.IO.Buffers;
using PacsNode.Quantification.Suv;
using PacsNode.Quantification.Tests.Support;
using PacsNode.Quantification.Volume;
using Xunit;

namespace PacsNode.Quantification.Tests.Volume;

/// <summary>Pixel decoding: signedness by PixelRepresentation, BitsStored, per-slice slope, volume order.</summary>
public sealed class SuvVolumeBuilderTests
{
    private static DicomFile File(double z, string slope, int bits, int stored, int representation, byte[] pixels, DicomTransferSyntax? syntax = null)
    {
        DicomDataset slice = SyntheticPet.Slice((int)z);
        slice.SetString(DicomTag.ImageOrientationPatient, DicomVR.DS, "1\\0\\0\\0\\1\\0");
        slice.SetString(DicomTag.ImagePositionPatient, DicomVR.DS, $"0\\0\\{(int)z}");
        slice.SetString(DicomTag.PixelSpacing, DicomVR.DS, "4\\4");
        slice.SetString(DicomTag.Rows, DicomVR.IS, "1");
        slice.SetString(DicomTag.Columns, DicomVR.IS, "3");
        slice.SetString(DicomTag.SamplesPerPixel, DicomVR.IS, "1");
        slice.SetString(DicomTag.BitsAllocated, DicomVR.IS, bits.ToString(CultureInfo.InvariantCulture));
        slice.SetString(DicomTag.BitsStored, DicomVR.IS, stored.ToString(CultureInfo.InvariantCulture));
        slice.SetString(DicomTag.PixelRepresentation, DicomVR.IS, representation.ToString(CultureInfo.InvariantCulture));
        slice.SetString(DicomTag.RescaleSlope, DicomVR.DS, slope);
        slice.AddOrUpdate(new DicomElement(DicomTag.PixelData, bits == 8 ? DicomVR.OB : DicomVR.OW, DicomBuffer.FromBytes(pixels)));
        return new DicomFile(new DicomDataset(), slice, syntax ?? DicomTransferSyntax.ExplicitVRLittleEndian);
    }

    private static byte[] Words(params ushort[] values)
    {
        byte[] bytes = new byte[values.Length * 2];
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(i * 2), values[i]);
        }

        return bytes;
    }

    [Fact]
    public async Task SignedTwelveBitsAndUnsignedEightBits_DecodedWithEachSlicesSlope()
    {
        // Slice at z=4 (12 of 16 bits, signed): 0x0FFF = −1, 0x0800 = −2048, 0x07FF = 2047; slope 2.
        // Slice at z=0 (8 bits, unsigned): 0, 200, 255; slope 0.5. Given in reverse order to check the sort.
        DicomFile upper = File(4, "2", 16, 12, 1, Words(0x0FFF, 0x0800, 0x07FF));
        DicomFile lower = File(0, "0.5", 8, 8, 0, [0, 200, 255]);
        IReadOnlyList<DicomFile> files = [upper, lower];
        SuvResult suv = SuvCalculator.Calculate([.. files.Select(f => f.Dataset)]);
        Assert.True(suv.IsSuccess, suv.ToString());

        VolumeResult<SuvVolume> result = await SuvVolumeBuilder.BuildAsync(files, suv.Factors, SuvNormalisation.BodyWeight, TestContext.Current.CancellationToken);

        Assert.True(result.IsSuccess, result.ToString());
        double factor = SyntheticPet.FactorAfter(3600);
        float[] expected = [.. new[] { 0, 100, 127.5, -2, -4096, 4094 }.Select(v => (float)(v * factor))];
        Assert.Equal(expected, result.Value.Voxels);
    }

    [Fact]
    public async Task SyntaxWithoutCodec_RefusedNamingIt()
    {
        DicomFile original = File(0, "1", 16, 16, 1, Words(1, 2, 3));
        original.Dataset.AddOrUpdate(new DicomFragmentSequence(DicomTag.PixelData, DicomVR.OB, null,
            [DicomBuffer.FromBytes(new byte[] { 0xFF, 0x4F, 0xFF, 0x51 })]));
        var file = new DicomFile(original.FileMetaInformation, original.Dataset, DicomTransferSyntax.Jpeg2000Lossless);
        SuvResult suv = SuvCalculator.Calculate([file.Dataset]);

        VolumeResult<SuvVolume> result = await SuvVolumeBuilder.BuildAsync([file], suv.Factors!, SuvNormalisation.BodyWeight, TestContext.Current.CancellationToken);

        Assert.Equal(VolumeFailureReason.CompressedPixelData, result.Failure?.Reason);
        Assert.Contains(DicomTransferSyntax.Jpeg2000Lossless.Uid, result.Failure!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShortPixelData_Refused()
    {
        DicomFile file = File(0, "1", 16, 16, 1, Words(1, 2));
        SuvResult suv = SuvCalculator.Calculate([file.Dataset]);

        VolumeResult<SuvVolume> result = await SuvVolumeBuilder.BuildAsync([file], suv.Factors!, SuvNormalisation.BodyWeight, TestContext.Current.CancellationToken);

        Assert.Equal(VolumeFailureReason.UnsupportedPixelFormat, result.Failure?.Reason);
    }
}
