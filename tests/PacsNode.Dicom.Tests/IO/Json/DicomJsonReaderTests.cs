using System.Buffers.Binary;
using System.Text.Json;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO.Json;
using Xunit;

namespace PacsNode.Dicom.Tests.IO.Json;

/// <summary>The DICOM JSON model of PS3.18 annex F, with values from its F.4 example where they apply.</summary>
public sealed class DicomJsonReaderTests
{
    private static DicomJsonResult Read(string json, Func<string, byte[]?>? resolver = null)
    {
        using var document = JsonDocument.Parse(json);
        return DicomJsonReader.Read(document.RootElement, resolver);
    }

    [Fact]
    public void Read_EveryValueKind_BecomesTheRightBytes()
    {
        DicomJsonResult result = Read("""
            {
              "00100010": { "vr": "PN", "Value": [ { "Alphabetic": "Wang^XiaoDong", "Ideographic": "王^小東" } ] },
              "00181030": { "vr": "LO", "Value": [ "Chest", "Abdomen" ] },
              "00280010": { "vr": "US", "Value": [ 512 ] },
              "00281053": { "vr": "DS", "Value": [ 0.25 ] },
              "00200013": { "vr": "IS", "Value": [ 7 ] },
              "00209165": { "vr": "AT", "Value": [ "00100020" ] },
              "00091010": { "vr": "OB", "InlineBinary": "AQID" },
              "00080018": { "Value": [ "1.2.3" ] },
              "00081140": { "vr": "SQ", "Value": [ { "00081150": { "vr": "UI", "Value": [ "1.2.840.10008.5.1.4.1.1.128" ] } } ] },
              "7FE00010": { "vr": "OW", "BulkDataURI": "http://host/bulk/1" }
            }
            """);
        DicomDataset ds = result.Dataset;
        Assert.Equal("Wang^XiaoDong=王^小東", ds.GetString(DicomTag.PatientName));
        Assert.Equal("ISO_IR 192", ds.GetString(new DicomTag(0x0008, 0x0005)));
        Assert.Equal(["Chest", "Abdomen"], ds.GetStrings(new DicomTag(0x0018, 0x1030)));
        Assert.True(ds.TryGetInt32(DicomTag.Rows, out int rows) && rows == 512);
        Assert.True(ds.TryGetDouble(DicomTag.RescaleSlope, out double slope) && slope == 0.25);
        Assert.True(ds.TryGetInt32(DicomTag.InstanceNumber, out int instance) && instance == 7);
        var at = (DicomElement)ds.Get(new DicomTag(0x0020, 0x9165))!;
        Assert.Equal((ushort)0x0010, BinaryPrimitives.ReadUInt16LittleEndian(at.Buffer.Span));
        Assert.Equal((ushort)0x0020, BinaryPrimitives.ReadUInt16LittleEndian(at.Buffer.Span[2..]));
        Assert.Equal(new byte[] { 1, 2, 3 }, ((DicomElement)ds.Get(new DicomTag(0x0009, 0x1010))!).Buffer.Span.ToArray());
        Assert.Equal(DicomVR.UI, ds.Get(DicomTag.SOPInstanceUID)!.VR);
        Assert.Single(ds.GetSequence(new DicomTag(0x0008, 0x1140))!.Items);
        Assert.Equal([DicomTag.PixelData], result.UnresolvedBulkData);
    }

    [Fact]
    public void Read_BulkDataUri_IsResolvedThroughTheCallback()
    {
        DicomJsonResult result = Read("""{ "7FE00010": { "vr": "OB", "BulkDataURI": "frames/1" } }""",
            uri => uri == "frames/1" ? [9, 8] : null);
        Assert.Empty(result.UnresolvedBulkData);
        Assert.Equal(new byte[] { 9, 8 }, ((DicomElement)result.Dataset.Get(DicomTag.PixelData)!).Buffer.Span.ToArray());
    }

    [Theory]
    [InlineData("""{ "0010001": { "vr": "PN" } }""", "eight-digit")]
    [InlineData("""{ "00100010": { "vr": "XX" } }""", "invalid vr")]
    [InlineData("""{ "00280010": { "vr": "US", "Value": [ "x" ] } }""", "cannot be read")]
    [InlineData("""{ "00091010": { "vr": "OB", "Value": [ 1 ] } }""", "cannot carry")]
    public void Read_MalformedAttribute_FailsWithDicomError(string json, string expected)
    {
        DicomException error = Assert.Throws<DicomException>(() => Read(json));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
