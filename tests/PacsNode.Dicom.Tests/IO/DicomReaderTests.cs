using System.Buffers.Binary;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Dicom.Tests.IO;

public sealed class DicomReaderTests
{
    private static readonly DicomTag Rows = new(0x0028, 0x0010);
    private static readonly DicomTag PatientName = new(0x0010, 0x0010);
    private static readonly DicomTag PixelData = new(0x7FE0, 0x0010);

    private static DicomFile Parse(string syntax, DicomBytes body, DicomReaderOptions? options = null) =>
        DicomFile.Parse([.. DicomBytes.Part10Header(syntax), .. body.ToArray()], options);

    [Fact]
    public void Parse_ExplicitBigEndian_HoldsBinaryValuesLittleEndian()
    {
        var body = new DicomBytes(bigEndian: true).US(0x0028, 0x0010, 0x0102);
        DicomFile file = Parse("1.2.840.10008.1.2.2", body);
        var rows = (DicomElement)file.Dataset.Get(Rows)!;
        Assert.Equal(0x0102, BinaryPrimitives.ReadUInt16LittleEndian(rows.Buffer.Span));
        Assert.True(file.TransferSyntax.IsBigEndian);
    }

    [Fact]
    public void Parse_UnknownVRWithUndefinedLength_ReadsImplicitSequence()
    {
        var body = new DicomBytes()
            .Header(0x0009, 0x0010, "LO", 8).Raw("ACME 1.0"u8)
            .Header(0x0009, 0x1001, "UN", DicomBytes.Undefined)
            .Tag(0xFFFE, 0xE000).U32(DicomBytes.Undefined)
            .Tag(0x0009, 0x0010).U32(8).Raw("ACME 1.0"u8)
            .Tag(0xFFFE, 0xE00D).U32(0)
            .Tag(0xFFFE, 0xE0DD).U32(0);
        DicomFile file = Parse("1.2.840.10008.1.2.1", body);
        var sequence = Assert.IsType<DicomSequence>(file.Dataset.Get(new DicomTag(0x0009, 0x1001)));
        Assert.True(sequence.ReadAsUnknown);
        DicomDataset item = Assert.Single(sequence.Items);
        Assert.Equal(DicomVR.LO, item[0].VR);
    }

    [Fact]
    public void Parse_StopAtPixelData_LeavesPixelDataUnread()
    {
        var body = new DicomBytes()
            .US(0x0028, 0x0010, 2)
            .Header(0x7FE0, 0x0010, "OW", 8).Raw(new byte[8]);
        DicomFile file = Parse("1.2.840.10008.1.2.1", body, new DicomReaderOptions { StopAtTag = PixelData });
        Assert.True(file.Dataset.Contains(Rows));
        Assert.False(file.Dataset.Contains(PixelData));
    }

    [Fact]
    public void Parse_DuplicateElement_KeepsFirstWithWarning()
    {
        var body = new DicomBytes().US(0x0028, 0x0010, 1).US(0x0028, 0x0010, 2);
        DicomFile file = Parse("1.2.840.10008.1.2.1", body);
        var rows = (DicomElement)file.Dataset.Get(Rows)!;
        Assert.Equal(1, BinaryPrimitives.ReadUInt16LittleEndian(rows.Buffer.Span));
        Assert.Contains(file.Warnings, w => w.Contains("found twice", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_EncapsulatedPixelData_KeepsOffsetTableAndFragments()
    {
        var body = new DicomBytes()
            .Header(0x7FE0, 0x0010, "OB", DicomBytes.Undefined)
            .Item(4).U32(0)
            .Item(4).Raw([1, 2, 3, 4])
            .Item(2).Raw([5, 6])
            .SequenceEnd();
        DicomFile file = Parse("1.2.840.10008.1.2.4.70", body);
        var pixels = Assert.IsType<DicomFragmentSequence>(file.Dataset.Get(PixelData));
        Assert.Equal(4, pixels.OffsetTable.Length);
        Assert.Equal([1, 2, 3, 4], pixels.Fragments[0].Span.ToArray());
        Assert.Equal([5, 6], pixels.Fragments[1].Span.ToArray());
    }

    [Fact]
    public void Parse_BareDatasetWithoutMeta_GuessesExplicitVR()
    {
        byte[] bytes = new DicomBytes().Text(0x0008, 0x0060, "CS", "PT").Text(0x0010, 0x0010, "PN", "Doe^John").ToArray();
        var file = DicomFile.Parse(bytes);
        Assert.False(file.HasMetaInformation);
        Assert.Equal(DicomTransferSyntax.ExplicitVRLittleEndian, file.TransferSyntax);
        Assert.Equal(DicomVR.PN, file.Dataset.Get(PatientName)!.VR);
    }

    [Fact]
    public async Task OpenAsync_FileBackedThreshold_LeavesPixelsInFileAndWritesThemBack()
    {
        using var dir = new TempDirectory();
        byte[] pixels = new byte[300_000];
        new Random(7).NextBytes(pixels);
        var body = new DicomBytes()
            .US(0x0028, 0x0010, 2)
            .Header(0x7FE0, 0x0010, "OW", (uint)pixels.Length).Raw(pixels)
            .Text(0xFFFA, 0xFFFA, "OB", "AB");
        string path = Path.Combine(dir.FullPath, "in.dcm");
        byte[] original = [.. DicomBytes.Part10Header("1.2.840.10008.1.2.1"), .. body.ToArray()];
        await File.WriteAllBytesAsync(path, original, TestContext.Current.CancellationToken);

        DicomFile file = await DicomFile.OpenAsync(path, new DicomReaderOptions { FileBackedThreshold = 65536 },
            TestContext.Current.CancellationToken);
        var element = (DicomElement)file.Dataset.Get(PixelData)!;
        Assert.False(element.Buffer.IsInMemory);
        Assert.True(file.Dataset.Contains(new DicomTag(0xFFFA, 0xFFFA)));

        using var copy = new MemoryStream();
        await file.WriteAsync(copy, cancellationToken: TestContext.Current.CancellationToken);
        var reread = DicomFile.Parse(copy.ToArray());
        Assert.Equal(pixels, ((DicomElement)reread.Dataset.Get(PixelData)!).Buffer.Span.ToArray());
    }
}
