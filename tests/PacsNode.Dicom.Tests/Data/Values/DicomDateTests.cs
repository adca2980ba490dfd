using PacsNode.Dicom.Data.Values;
using Xunit;

namespace PacsNode.Dicom.Tests.Data.Values;

public sealed class DicomDateTests
{
    [Theory]
    [InlineData("19930822", 1993, 8, 22)]
    [InlineData(" 20240229 ", 2024, 2, 29)]
    [InlineData("20240101\0", 2024, 1, 1)]
    [InlineData("1993.08.22", 1993, 8, 22)]
    [InlineData("00010101", 1, 1, 1)]
    [InlineData("99991231", 9999, 12, 31)]
    public void TryParse_ValidDate_ReadsComponents(string text, int year, int month, int day)
    {
        Assert.True(DicomDate.TryParse(text, out DicomDate date));
        Assert.Equal(new DateOnly(year, month, day), date.Date);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2024010")]
    [InlineData("202401011")]
    [InlineData("20230229")]
    [InlineData("20241301")]
    [InlineData("20240100")]
    [InlineData("00000101")]
    [InlineData("2024-01-01")]
    [InlineData("2024 0101")]
    [InlineData("2024010a")]
    [InlineData("１９９３０８２２")]
    public void TryParse_InvalidDate_ReturnsFalse(string text)
    {
        Assert.False(DicomDate.TryParse(text, out _));
    }

    [Fact]
    public void Parse_InvalidDate_ThrowsValueFormatException()
    {
        var exception = Assert.Throws<DicomValueFormatException>(() => DicomDate.Parse("2024"));

        Assert.Equal(Dicom.Dictionary.DicomVR.DA, exception.VR);
        Assert.Equal("2024", exception.Value);
    }

    [Theory]
    [InlineData("1993.08.22", "19930822")]
    [InlineData("00010203", "00010203")]
    public void ToString_Date_WritesYyyyMmDd(string text, string expected)
    {
        Assert.Equal(expected, DicomDate.Parse(text).ToString());
    }

    [Fact]
    public void CompareTo_Dates_OrdersChronologically()
    {
        Assert.True(DicomDate.Parse("20240101") < DicomDate.Parse("20240102"));
        Assert.True(new DicomDate(2024, 1, 2) >= DicomDate.Parse("20240102"));
    }
}
