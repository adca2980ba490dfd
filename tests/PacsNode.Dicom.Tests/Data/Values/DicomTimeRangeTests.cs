using PacsNode.Dicom.Data.Values;
using Xunit;

namespace PacsNode.Dicom.Tests.Data.Values;

public sealed class DicomTimeRangeTests
{
    [Theory]
    [InlineData("0800-1700", "0800", "1700")]
    [InlineData("0800-", "0800", null)]
    [InlineData("-1700", null, "1700")]
    [InlineData("101010.5", "101010.5", "101010.5")]
    public void TryParse_Range_ReadsEnds(string text, string? lower, string? upper)
    {
        Assert.True(DicomTimeRange.TryParse(text, out DicomTimeRange range));
        Assert.Equal(lower, range.Lower?.ToString());
        Assert.Equal(upper, range.Upper?.ToString());
    }

    [Theory]
    [InlineData("-")]
    [InlineData("")]
    [InlineData("0800-2500")]
    [InlineData("08001-")]
    [InlineData("0800-1700-")]
    public void TryParse_Malformed_ReturnsFalse(string text)
    {
        Assert.False(DicomTimeRange.TryParse(text, out _));
    }

    [Theory]
    [InlineData("10-11", "115959.999999", true)]
    [InlineData("10-11", "12", false)]
    [InlineData("10-11", "095959", false)]
    [InlineData("1030-", "1030", true)]
    [InlineData("-1030", "103059", true)]
    [InlineData("-1030", "1031", false)]
    public void Contains_Time_CoversThePeriodOfEachEnd(string range, string time, bool expected)
    {
        Assert.Equal(expected, DicomTimeRange.Parse(range).Contains(DicomTime.Parse(time)));
    }

    [Fact]
    public void ToString_Range_RoundTrips()
    {
        Assert.Equal("0800-1700", DicomTimeRange.Parse("0800-1700").ToString());
        Assert.Equal("-1700", DicomTimeRange.Parse("-1700").ToString());
    }
}
