using PacsNode.Dicom.IO;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Dicom.Tests.IO;

/// <summary>Byte-level goldens for the dataset encodings, written out by hand from PS3.5 section 7.</summary>
public sealed class DicomWriterTests
{
    private static async Task<byte[]> WriteDatasetAsync(byte[] explicitBody, DicomTransferSyntax target, DicomWriteOptions? options = null)
    {
        var file = DicomFile.Parse([.. DicomBytes.Part10Header("1.2.840.10008.1.2.1"), .. explicitBody]);
        using var stream = new MemoryStream();
        await DicomFileWriter.WriteDatasetAsync(file.Dataset, target, stream, options ?? DicomWriteOptions.Default,
            TestContext.Current.CancellationToken);
        return stream.ToArray();
    }

    private static byte[] Sample() => new DicomBytes()
        .Header(0x0010, 0x0010, "PN", 7).Raw("Doe^Jon"u8)
        .US(0x0028, 0x0010, 512)
        .ToArray();

    [Fact]
    public async Task WriteDataset_ExplicitLittleEndian_PadsOddValueWithSpace()
    {
        byte[] bytes = await WriteDatasetAsync(Sample(), DicomTransferSyntax.ExplicitVRLittleEndian);
        Assert.Equal(Convert.FromHexString(
            "10001000" + "504E" + "0800" + "446F655E4A6F6E20" +
            "28001000" + "5553" + "0200" + "0002"), bytes);
    }

    [Fact]
    public async Task WriteDataset_ImplicitLittleEndian_WritesFourByteLengthsWithoutVR()
    {
        byte[] bytes = await WriteDatasetAsync(Sample(), DicomTransferSyntax.ImplicitVRLittleEndian);
        Assert.Equal(Convert.FromHexString(
            "10001000" + "08000000" + "446F655E4A6F6E20" +
            "28001000" + "02000000" + "0002"), bytes);
    }

    [Fact]
    public async Task WriteDataset_ExplicitBigEndian_SwapsTagsLengthsAndBinaryValues()
    {
        byte[] bytes = await WriteDatasetAsync(Sample(), DicomTransferSyntax.ExplicitVRBigEndian);
        Assert.Equal(Convert.FromHexString(
            "00100010" + "504E" + "0008" + "446F655E4A6F6E20" +
            "00280010" + "5553" + "0002" + "0200"), bytes);
    }

    [Fact]
    public async Task WriteDataset_DefinedSequenceLengths_ComputesSequenceAndItemLengths()
    {
        byte[] body = new DicomBytes()
            .Header(0x0008, 0x1140, "SQ", DicomBytes.Undefined)
            .Item()
            .Text(0x0008, 0x1150, "UI", "1.2.3")
            .ItemEnd()
            .SequenceEnd()
            .ToArray();
        byte[] bytes = await WriteDatasetAsync(body, DicomTransferSyntax.ExplicitVRLittleEndian,
            new DicomWriteOptions { SequenceLengths = SequenceLengthEncoding.Defined });
        Assert.Equal(Convert.FromHexString(
            "08004011" + "5351" + "0000" + "16000000" +
            "FEFF00E0" + "0E000000" +
            "08005011" + "5549" + "0600" + "312E322E3300"), bytes);
    }

    [Fact]
    public async Task WriteDataset_UndefinedLengths_RoundTripsByteExact()
    {
        byte[] body = new DicomBytes()
            .Header(0x0008, 0x1140, "SQ", DicomBytes.Undefined)
            .Item()
            .Text(0x0008, 0x1150, "UI", "1.2.3")
            .ItemEnd()
            .SequenceEnd()
            .Header(0x7FE0, 0x0010, "OB", DicomBytes.Undefined)
            .Item(0)
            .Item(4).Raw([1, 2, 3, 4])
            .SequenceEnd()
            .ToArray();
        byte[] bytes = await WriteDatasetAsync(body, DicomTransferSyntax.ExplicitVRLittleEndian);
        Assert.Equal(body, bytes);
    }

    [Fact]
    public async Task WriteDataset_GroupLength_IsRecomputedForTheTargetEncoding()
    {
        byte[] body = new DicomBytes()
            .Header(0x0010, 0x0000, "UL", 4).U32(999)
            .Text(0x0010, 0x0010, "PN", "Doe^John")
            .ToArray();
        byte[] bytes = await WriteDatasetAsync(body, DicomTransferSyntax.ImplicitVRLittleEndian);
        Assert.Equal(Convert.FromHexString(
            "10000000" + "04000000" + "10000000" +
            "10001000" + "08000000" + "446F655E4A6F686E"), bytes);
    }
}
