using PacsNode.Dicom.Data.Values;
using Xunit;

namespace PacsNode.Dicom.Tests.Data.Values;

public sealed class DicomDateTimeRangeTests
{
    [Theory]
    [InlineData("2024-2025", "2024", "2025")]
    [InlineData("20240101-", "20240101", null)]
    [InlineData("-20240131", null, "20240131")]
    [InlineData("20240102-0500", "20240102-0500", "20240102-0500")]
    [InlineData("20240102-0500-20240103", "20240102-0500", "20240103")]
    [InlineData("20240102-20240103-0500", "20240102", "20240103-0500")]
    [InlineData("20240102+0100-20240103+0100", "20240102+0100", "20240103+0100")]
    [InlineData("20240102-0500-", "20240102-0500", null)]
    public void TryParse_Range_SplitsAtTheRangeDash(string text, string? lower, string? upper)
    {
        Assert.True(DicomDateTimeRange.TryParse(text, out DicomDateTimeRange range));
        Assert.Equal(lower, range.Lower?.ToString());
        Assert.Equal(upper, range.Upper?.ToString());
    }

    [Theory]
    [InlineData("-")]
    [InlineData("")]
    [InlineData("2024-20251")]
    [InlineData("2024--2025")]
    public void TryParse_Malformed_ReturnsFalse(string text)
    {
        Assert.False(DicomDateTimeRange.TryParse(text, out _));
    }

    [Theory]
    [InlineData("2024-2025")]
    [InlineData("20240102-0500-20240103")]
    [InlineData("-20240131")]
    [InlineData("2024")]
    public void ToString_Range_RoundTrips(string text)
    {
        Assert.Equal(text, DicomDateTimeRange.Parse(text).ToString());
    }
}
