using PacsNode.Dicom.Data.Values;
using PacsNode.Dicom.Dictionary;
using Xunit;

namespace PacsNode.Dicom.Tests.Data.Values;

public sealed class DicomStringValuesTests
{
    /// <summary>PS3.5 table 6.2-1: which padding each VR treats as insignificant.</summary>
    [Theory]
    [InlineData(DicomVR.AE, "  STORESCP  ", "STORESCP")]
    [InlineData(DicomVR.AS, "045Y ", "045Y")]
    [InlineData(DicomVR.CS, " ORIGINAL ", "ORIGINAL")]
    [InlineData(DicomVR.DA, "20240102 ", "20240102")]
    [InlineData(DicomVR.DS, "     474592928", "474592928")]
    [InlineData(DicomVR.DT, "20240102101010 ", "20240102101010")]
    [InlineData(DicomVR.IS, " 12 ", "12")]
    [InlineData(DicomVR.LO, "  Long String  ", "Long String")]
    [InlineData(DicomVR.SH, " Short ", "Short")]
    [InlineData(DicomVR.TM, "101010 ", "101010")]
    [InlineData(DicomVR.UI, "1.2.840.10008.1.1\0", "1.2.840.10008.1.1")]
    [InlineData(DicomVR.PN, "  Doe^John  ", "  Doe^John")]
    [InlineData(DicomVR.UC, "  unlimited  ", "  unlimited")]
    [InlineData(DicomVR.LT, "  indented\r\n  text  ", "  indented\r\n  text")]
    [InlineData(DicomVR.ST, "  short text ", "  short text")]
    [InlineData(DicomVR.UT, "  unlimited text ", "  unlimited text")]
    [InlineData(DicomVR.UR, "http://example.org/a b ", "http://example.org/a b")]
    [InlineData(DicomVR.LO, "padded with NULs\0\0", "padded with NULs")]
    [InlineData(DicomVR.LO, "mixed \0 \0", "mixed")]
    public void Trim_PaddedValue_RemovesInsignificantPadding(DicomVR vr, string value, string expected)
    {
        Assert.Equal(expected, DicomStringValues.Trim(value, vr));
    }

    [Theory]
    [InlineData(DicomVR.CS, "ORIGINAL\\PRIMARY\\AXIAL ", new[] { "ORIGINAL", "PRIMARY", "AXIAL" })]
    [InlineData(DicomVR.DS, " 0.5\\ 1.25 \\-3 ", new[] { "0.5", "1.25", "-3" })]
    [InlineData(DicomVR.PN, "Doe^John\\ Roe^Jane ", new[] { "Doe^John", " Roe^Jane" })]
    [InlineData(DicomVR.LO, "a\\\\b", new[] { "a", "", "b" })]
    [InlineData(DicomVR.LO, "a\\", new[] { "a", "" })]
    [InlineData(DicomVR.LO, "\\", new[] { "", "" })]
    [InlineData(DicomVR.LT, "C:\\path\\file ", new[] { "C:\\path\\file" })]
    [InlineData(DicomVR.ST, "a\\b", new[] { "a\\b" })]
    [InlineData(DicomVR.UT, "a\\b", new[] { "a\\b" })]
    [InlineData(DicomVR.UR, "http://x/a\\b", new[] { "http://x/a\\b" })]
    [InlineData(DicomVR.UI, "1.2.3\\1.2.4\0", new[] { "1.2.3", "1.2.4" })]
    public void Split_MultiValuedText_SplitsAndTrimsEachValue(DicomVR vr, string text, string[] expected)
    {
        Assert.Equal(expected, DicomStringValues.Split(text, vr));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("\0")]
    [InlineData(" \0")]
    public void Split_OnlyPadding_HasNoValues(string text)
    {
        Assert.Empty(DicomStringValues.Split(text, DicomVR.LO));
        Assert.Equal(0, DicomStringValues.Count(text, DicomVR.LO));
    }

    [Fact]
    public void Split_UnpaddedSingleValue_ReturnsTheSameString()
    {
        string text = "ORIGINAL";

        Assert.Same(text, Assert.Single(DicomStringValues.Split(text, DicomVR.CS)));
    }

    [Fact]
    public void Enumerate_Values_YieldsTrimmedSpansWithoutSplittingIntoStrings()
    {
        var values = new List<string>();
        foreach (ReadOnlySpan<char> value in DicomStringValues.Enumerate(" 1 \\ 2\\3 ", DicomVR.IS))
        {
            values.Add(value.ToString());
        }

        Assert.Equal(["1", "2", "3"], values);
        Assert.Equal(3, DicomStringValues.Count(" 1 \\ 2\\3 ", DicomVR.IS));
    }

    [Fact]
    public void Join_Values_UsesBackslash()
    {
        Assert.Equal("A\\B\\", DicomStringValues.Join(["A", "B", ""]));
    }
}
