using PacsNode.Dicom.IO;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Dicom.Tests.IO;

/// <summary>
/// One case per kind of malformed input (DCMTK's tparser catalogue), each asserting the exact reason.
/// </summary>
public sealed class DicomReaderMalformedTests
{
    private const string Explicit = "1.2.840.10008.1.2.1";
    private const string Implicit = "1.2.840.10008.1.2";

    private static DicomParseException ParseFails(string syntax, DicomBytes body, DicomReaderOptions? options = null)
    {
        byte[] file = [.. DicomBytes.Part10Header(syntax), .. body.ToArray()];
        return Assert.Throws<DicomParseException>(() => DicomFile.Parse(file, options));
    }

    [Fact]
    public void Parse_ValueTruncated_FailsWithLengthExceedsRemaining()
    {
        var body = new DicomBytes().Header(0x0010, 0x0010, "PN", 8).Raw("Doe^"u8);
        Assert.Equal(DicomParseError.LengthExceedsRemaining, ParseFails(Explicit, body).Error);
    }

    [Fact]
    public void Parse_HeaderTruncated_FailsWithUnexpectedEndOfData()
    {
        var body = new DicomBytes().Text(0x0010, 0x0010, "PN", "Doe^John").Raw([0x10, 0x00, 0x20]);
        Assert.Equal(DicomParseError.UnexpectedEndOfData, ParseFails(Explicit, body).Error);
    }

    [Fact]
    public void Parse_HugeLength_FailsWithLengthExceedsRemainingWithoutAllocating()
    {
        var body = new DicomBytes().Header(0x0009, 0x1010, "OB", 0x7FFF_FFF0).Raw(new byte[16]);
        long before = GC.GetAllocatedBytesForCurrentThread();
        DicomParseException error = ParseFails(Explicit, body);
        Assert.Equal(DicomParseError.LengthExceedsRemaining, error.Error);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1 << 20);
        Assert.Equal(new PacsNode.Dicom.Dictionary.DicomTag(0x0009, 0x1010), error.Tag);
    }

    [Fact]
    public void Parse_ItemLongerThanItsSequence_FailsWithLengthExceedsEnclosing()
    {
        var body = new DicomBytes()
            .Header(0x0008, 0x1140, "SQ", 16)
            .Item(24)
            .Text(0x0008, 0x1150, "UI", "1.2.3.4")
            .Text(0x0008, 0x1155, "UI", "1.2.3.4.5");
        Assert.Equal(DicomParseError.LengthExceedsEnclosing, ParseFails(Explicit, body).Error);
    }

    [Fact]
    public void Parse_NonVRBytes_FailsWithInvalidVR()
    {
        var body = new DicomBytes().Text(0x0008, 0x0060, "CS", "PT")
            .Tag(0x0010, 0x0010).Raw([0x01, 0x02, 0x04, 0x00]).Raw("Doe^"u8);
        DicomParseException error = ParseFails(Explicit, body);
        Assert.Equal(DicomParseError.InvalidVR, error.Error);
        Assert.Contains("0x01 0x02", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UndefinedLengthOnPlainElement_FailsWithUndefinedLengthNotAllowed()
    {
        var body = new DicomBytes().Header(0x0009, 0x1010, "OB", DicomBytes.Undefined).Raw(new byte[8]);
        Assert.Equal(DicomParseError.UndefinedLengthNotAllowed, ParseFails(Explicit, body).Error);
    }

    [Fact]
    public void Parse_ElementInsideSequenceWithoutItem_FailsWithInvalidItemTag()
    {
        var body = new DicomBytes()
            .Header(0x0008, 0x1140, "SQ", DicomBytes.Undefined)
            .Text(0x0008, 0x1150, "UI", "1.2.3.4")
            .SequenceEnd();
        Assert.Equal(DicomParseError.InvalidItemTag, ParseFails(Explicit, body).Error);
    }

    [Fact]
    public void Parse_SequenceOpenAtEnd_FailsWithMissingDelimiter()
    {
        var body = new DicomBytes()
            .Header(0x0008, 0x1140, "SQ", DicomBytes.Undefined)
            .Item()
            .Text(0x0008, 0x1150, "UI", "1.2.3.4");
        Assert.Equal(DicomParseError.MissingItemDelimiter, ParseFails(Explicit, body).Error);
    }

    [Fact]
    public void Parse_SequenceOpenAtEndWhenAllowed_ClosesWithWarning()
    {
        var body = new DicomBytes()
            .Header(0x0008, 0x1140, "SQ", DicomBytes.Undefined)
            .Item()
            .Text(0x0008, 0x1150, "UI", "1.2.3.4");
        byte[] file = [.. DicomBytes.Part10Header(Explicit), .. body.ToArray()];
        var parsed = DicomFile.Parse(file, new DicomReaderOptions { AllowMissingDelimitersAtEnd = true });
        Assert.Equal(2, parsed.Warnings.Count(w => w.StartsWith("Missing delimiter", StringComparison.Ordinal)));
        Assert.Single(parsed.Dataset);
    }

    [Fact]
    public void Parse_SequencesNestedTooDeep_FailsWithNestingTooDeep()
    {
        var body = new DicomBytes();
        for (int i = 0; i < 10; i++)
        {
            body.Header(0x0040, 0xA730, "SQ", DicomBytes.Undefined).Item();
        }

        DicomParseException error = ParseFails(Explicit, body, new DicomReaderOptions { MaxSequenceDepth = 8 });
        Assert.Equal(DicomParseError.NestingTooDeep, error.Error);
    }

    [Fact]
    public void Parse_FragmentWithUndefinedLength_FailsWithInvalidFragment()
    {
        var body = new DicomBytes()
            .Header(0x7FE0, 0x0010, "OB", DicomBytes.Undefined)
            .Item(0)
            .Item(DicomBytes.Undefined);
        Assert.Equal(DicomParseError.InvalidFragment, ParseFails(Explicit, body).Error);
    }

    [Fact]
    public void Parse_ItemTagAtTopLevel_FailsWithUnexpectedDelimiter()
    {
        var body = new DicomBytes().Text(0x0008, 0x0060, "CS", "PT").Item(4).Raw(new byte[4]);
        Assert.Equal(DicomParseError.UnexpectedDelimiter, ParseFails(Explicit, body).Error);
    }

    [Fact]
    public void Parse_ImplicitLengthPastEnd_FailsWithLengthExceedsRemaining()
    {
        var body = new DicomBytes(explicitVR: false).Header(0x0010, 0x0010, "PN", 1000).Raw("Doe^John"u8);
        Assert.Equal(DicomParseError.LengthExceedsRemaining, ParseFails(Implicit, body).Error);
    }

    [Fact]
    public void Parse_DeflatedGarbage_FailsWithInvalidDeflateData()
    {
        var body = new DicomBytes().Raw([0xFF, 0xFF, 0xFF, 0xFF, 0x12, 0x34, 0x56, 0x78]);
        Assert.Equal(DicomParseError.InvalidDeflateData, ParseFails("1.2.840.10008.1.2.1.99", body).Error);
    }

    [Fact]
    public void Parse_EveryTruncationOfAValidFile_ParsesOrFailsTyped()
    {
        var body = new DicomBytes()
            .Text(0x0008, 0x0060, "CS", "PT")
            .Header(0x0008, 0x1140, "SQ", DicomBytes.Undefined)
            .Item()
            .Text(0x0008, 0x1150, "UI", "1.2.840.10008.5.1.4.1.1.128")
            .ItemEnd()
            .SequenceEnd()
            .Text(0x0010, 0x0010, "PN", "Doe^John")
            .Header(0x7FE0, 0x0010, "OB", DicomBytes.Undefined)
            .Item(0)
            .Item(4).Raw([1, 2, 3, 4])
            .SequenceEnd();
        byte[] header = DicomBytes.Part10Header(Explicit);
        byte[] whole = [.. header, .. body.ToArray()];
        int parsedInDataset = 0;
        for (int cut = 0; cut < whole.Length; cut++)
        {
            try
            {
                DicomFile.Parse(whole.AsMemory(0, cut));
                parsedInDataset += cut >= header.Length ? 1 : 0;
            }
            catch (DicomParseException)
            {
            }
        }

        // Only a cut exactly between two top-level elements is a valid, shorter dataset: before the first, after
        // the CS, after the closed sequence and after the PN. Every other cut is a typed error.
        Assert.Equal(4, parsedInDataset);
        Assert.Equal(4, DicomFile.Parse(whole).Dataset.Count);
    }
}
