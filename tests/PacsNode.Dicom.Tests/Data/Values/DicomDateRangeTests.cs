using PacsNode.Dicom.Data.Values;
using Xunit;

namespace PacsNode.Dicom.Tests.Data.Values;

public sealed class DicomDateRangeTests
{
    [Theory]
    [InlineData("20240101-20240131", "20240101", "20240131")]
    [InlineData("20240101-", "20240101", null)]
    [InlineData("-20240131", null, "20240131")]
    [InlineData("20240115", "20240115", "20240115")]
    [InlineData(" 20240101 - 20240131 ", "20240101", "20240131")]
    public void TryParse_Range_ReadsEnds(string text, string? lower, string? upper)
    {
        Assert.True(DicomDateRange.TryParse(text, out DicomDateRange range));
        Assert.Equal(lower, range.Lower?.ToString());
        Assert.Equal(upper, range.Upper?.ToString());
    }

    [Theory]
    [InlineData("-")]
    [InlineData("")]
    [InlineData("20240101-2024013")]
    [InlineData("20240101--20240131")]
    [InlineData("20240101-20240131-")]
    public void TryParse_Malformed_ReturnsFalse(string text)
    {
        Assert.False(DicomDateRange.TryParse(text, out _));
    }

    [Theory]
    [InlineData("20240101-20240131", "20240101", true)]
    [InlineData("20240101-20240131", "20240131", true)]
    [InlineData("20240101-20240131", "20240201", false)]
    [InlineData("20240101-", "29991231", true)]
    [InlineData("-20240131", "20231231", true)]
    [InlineData("-20240131", "20240201", false)]
    [InlineData("20240115", "20240115", true)]
    [InlineData("20240115", "20240116", false)]
    public void Contains_Date_MatchesInclusiveEnds(string range, string date, bool expected)
    {
        Assert.Equal(expected, DicomDateRange.Parse(range).Contains(DicomDate.Parse(date)));
    }

    [Theory]
    [InlineData("20240101-20240131")]
    [InlineData("20240101-")]
    [InlineData("-20240131")]
    [InlineData("20240115")]
    public void ToString_Range_RoundTrips(string text)
    {
        Assert.Equal(text, DicomDateRange.Parse(text).ToString());
    }
}
