using PacsNode.Dicom.Data.Values;
using Xunit;

namespace PacsNode.Dicom.Tests.Data.Values;

public sealed class DicomTimeTests
{
    [Theory]
    [InlineData("07", 7, 0, 0, 0, 0, DicomDateTimePrecision.Hour)]
    [InlineData("1015", 10, 15, 0, 0, 0, DicomDateTimePrecision.Minute)]
    [InlineData("183200", 18, 32, 0, 0, 0, DicomDateTimePrecision.Second)]
    [InlineData("183200.5", 18, 32, 0, 500000, 1, DicomDateTimePrecision.Fraction)]
    [InlineData("183200.00", 18, 32, 0, 0, 2, DicomDateTimePrecision.Fraction)]
    [InlineData("235959.999999", 23, 59, 59, 999999, 6, DicomDateTimePrecision.Fraction)]
    [InlineData("235960", 23, 59, 60, 0, 0, DicomDateTimePrecision.Second)]
    [InlineData("000000.000001 ", 0, 0, 0, 1, 6, DicomDateTimePrecision.Fraction)]
    [InlineData("101010.", 10, 10, 10, 0, 0, DicomDateTimePrecision.Second)]
    [InlineData("18:32:00", 18, 32, 0, 0, 0, DicomDateTimePrecision.Second)]
    [InlineData("18:32", 18, 32, 0, 0, 0, DicomDateTimePrecision.Minute)]
    [InlineData("18:32:00.25", 18, 32, 0, 250000, 2, DicomDateTimePrecision.Fraction)]
    public void TryParse_ValidTime_KeepsComponentsAndPrecision(
        string text, int hour, int minute, int second, int microsecond, int digits, DicomDateTimePrecision precision)
    {
        Assert.True(DicomTime.TryParse(text, out DicomTime time));
        Assert.Equal(
            (hour, minute, second, microsecond, digits, precision),
            (time.Hour, time.Minute, time.Second, time.Microsecond, time.FractionDigits, time.Precision));
    }

    [Theory]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("101")]
    [InlineData("10101")]
    [InlineData("1010101")]
    [InlineData("2400")]
    [InlineData("1060")]
    [InlineData("101061")]
    [InlineData("1010.5")]
    [InlineData("101010.1234567")]
    [InlineData("101010.12a")]
    [InlineData("10:10:10:10")]
    [InlineData("1:10")]
    [InlineData("10 10")]
    public void TryParse_InvalidTime_ReturnsFalse(string text)
    {
        Assert.False(DicomTime.TryParse(text, out _));
    }

    [Theory]
    [InlineData("10", "10:00:00", "11:00:00")]
    [InlineData("1015", "10:15:00", "10:16:00")]
    [InlineData("101510", "10:15:10", "10:15:11")]
    [InlineData("101510.5", "10:15:10.5", "10:15:10.6")]
    [InlineData("101510.123456", "10:15:10.123456", "10:15:10.123457")]
    [InlineData("23", "23:00:00", "1.00:00:00")]
    public void StartAndEnd_PartialTime_SpanTheNamedPeriod(string text, string start, string end)
    {
        var time = DicomTime.Parse(text);

        Assert.Equal(TimeSpan.Parse(start, System.Globalization.CultureInfo.InvariantCulture), time.Start);
        Assert.Equal(TimeSpan.Parse(end, System.Globalization.CultureInfo.InvariantCulture), time.End);
    }

    [Fact]
    public void ToTimeOnly_LeapSecond_ReadsLastMicrosecondOfMinute()
    {
        Assert.Equal(new TimeOnly(23, 59, 59, 999, 999), DicomTime.Parse("235960").ToTimeOnly());
        Assert.Equal(new TimeOnly(18, 32, 0, 500), DicomTime.Parse("183200.5").ToTimeOnly());
    }

    [Theory]
    [InlineData("07")]
    [InlineData("1015")]
    [InlineData("183200")]
    [InlineData("183200.5")]
    [InlineData("183200.000")]
    [InlineData("235959.999999")]
    public void ToString_ParsedTime_RoundTrips(string text)
    {
        Assert.Equal(text, DicomTime.Parse(text).ToString());
    }

    [Fact]
    public void ToString_ColonForm_WritesCompactForm()
    {
        Assert.Equal("183200", DicomTime.Parse("18:32:00").ToString());
    }

    [Fact]
    public void Equals_SameInstantDifferentPrecision_AreDifferent()
    {
        Assert.NotEqual(DicomTime.Parse("10"), DicomTime.Parse("1000"));
        Assert.Equal(DicomTime.Parse("1000"), new DicomTime(10, 0));
        Assert.True(DicomTime.Parse("10") < DicomTime.Parse("1000"));
    }

    [Theory]
    [InlineData(DicomDateTimePrecision.Hour, "13")]
    [InlineData(DicomDateTimePrecision.Minute, "1345")]
    [InlineData(DicomDateTimePrecision.Second, "134559")]
    [InlineData(DicomDateTimePrecision.Fraction, "134559.012345")]
    public void FromTimeOnly_Precision_WritesThatMuch(DicomDateTimePrecision precision, string expected)
    {
        var time = new TimeOnly(13, 45, 59, 12, 345);

        Assert.Equal(expected, DicomTime.FromTimeOnly(time, precision).ToString());
    }

    [Fact]
    public void Constructor_OutOfRangeComponent_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DicomTime(24));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DicomTime(1, 2, 3, 4, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DicomTime(1, 2, 3, 1_000_000));
    }
}
