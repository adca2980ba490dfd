using PacsNode.Dicom.Data.Values;
using Xunit;

namespace PacsNode.Dicom.Tests.Data.Values;

public sealed class DicomAgeTests
{
    [Theory]
    [InlineData("018M", 18, DicomAgeUnit.Months)]
    [InlineData("045Y", 45, DicomAgeUnit.Years)]
    [InlineData("003W ", 3, DicomAgeUnit.Weeks)]
    [InlineData("000D", 0, DicomAgeUnit.Days)]
    [InlineData("999Y", 999, DicomAgeUnit.Years)]
    [InlineData("45Y", 45, DicomAgeUnit.Years)]
    [InlineData("7d", 7, DicomAgeUnit.Days)]
    public void TryParse_ValidAge_ReadsValueAndUnit(string text, int value, DicomAgeUnit unit)
    {
        Assert.True(DicomAge.TryParse(text, out DicomAge age));
        Assert.Equal(new DicomAge(value, unit), age);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Y")]
    [InlineData("045")]
    [InlineData("045X")]
    [InlineData("1000Y")]
    [InlineData("04 5Y")]
    [InlineData("-45Y")]
    public void TryParse_InvalidAge_ReturnsFalse(string text)
    {
        Assert.False(DicomAge.TryParse(text, out _));
    }

    [Theory]
    [InlineData(18, DicomAgeUnit.Months, "018M")]
    [InlineData(5, DicomAgeUnit.Days, "005D")]
    [InlineData(52, DicomAgeUnit.Weeks, "052W")]
    [InlineData(120, DicomAgeUnit.Years, "120Y")]
    public void ToString_Age_WritesFourCharacters(int value, DicomAgeUnit unit, string expected)
    {
        Assert.Equal(expected, new DicomAge(value, unit).ToString());
    }

    [Fact]
    public void Constructor_OutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DicomAge(1000, DicomAgeUnit.Years));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DicomAge(1, (DicomAgeUnit)9));
    }
}
