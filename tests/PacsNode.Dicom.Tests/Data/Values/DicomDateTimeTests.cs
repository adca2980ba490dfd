using PacsNode.Dicom.Data.Values;
using Xunit;

namespace PacsNode.Dicom.Tests.Data.Values;

public sealed class DicomDateTimeTests
{
    [Theory]
    [InlineData("2024", "2024-01-01T00:00:00.0000000", DicomDateTimePrecision.Year)]
    [InlineData("202402", "2024-02-01T00:00:00.0000000", DicomDateTimePrecision.Month)]
    [InlineData("20240229", "2024-02-29T00:00:00.0000000", DicomDateTimePrecision.Day)]
    [InlineData("2024022913", "2024-02-29T13:00:00.0000000", DicomDateTimePrecision.Hour)]
    [InlineData("202402291345", "2024-02-29T13:45:00.0000000", DicomDateTimePrecision.Minute)]
    [InlineData("20240229134559", "2024-02-29T13:45:59.0000000", DicomDateTimePrecision.Second)]
    [InlineData("20240229134559.123", "2024-02-29T13:45:59.1230000", DicomDateTimePrecision.Fraction)]
    [InlineData("20240229134559.123456 ", "2024-02-29T13:45:59.1234560", DicomDateTimePrecision.Fraction)]
    public void TryParse_ValidValue_ReadsStartAndPrecision(string text, string start, DicomDateTimePrecision precision)
    {
        Assert.True(DicomDateTime.TryParse(text, out DicomDateTime value));
        Assert.Equal(start, value.Start.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(DateTimeKind.Unspecified, value.Start.Kind);
        Assert.Equal(precision, value.Precision);
        Assert.Null(value.Offset);
    }

    [Theory]
    [InlineData("20240229134559+0100", 60)]
    [InlineData("20240229134559.5-0500", -300)]
    [InlineData("2024+1400", 840)]
    [InlineData("2024-1200", -720)]
    [InlineData("20240229-0000", 0)]
    [InlineData("20240229+0530", 330)]
    public void TryParse_WithOffset_ReadsOffset(string text, int minutes)
    {
        Assert.True(DicomDateTime.TryParse(text, out DicomDateTime value));
        Assert.Equal(TimeSpan.FromMinutes(minutes), value.Offset);
    }

    [Theory]
    [InlineData("")]
    [InlineData("202")]
    [InlineData("20241")]
    [InlineData("202413")]
    [InlineData("20240230")]
    [InlineData("2024022924")]
    [InlineData("2024022913456")]
    [InlineData("202402291345.5")]
    [InlineData("20240229134559.1234567")]
    [InlineData("20240229+1500")]
    [InlineData("20240229-1300")]
    [InlineData("20240229+01")]
    [InlineData("20240229+0160")]
    [InlineData("2024-02-29")]
    [InlineData("0000")]
    public void TryParse_InvalidValue_ReturnsFalse(string text)
    {
        Assert.False(DicomDateTime.TryParse(text, out _));
    }

    [Theory]
    [InlineData("2024", "2025-01-01T00:00:00.0000000")]
    [InlineData("202412", "2025-01-01T00:00:00.0000000")]
    [InlineData("20241231", "2025-01-01T00:00:00.0000000")]
    [InlineData("2024123123", "2025-01-01T00:00:00.0000000")]
    [InlineData("20241231235959.9", "2025-01-01T00:00:00.0000000")]
    [InlineData("20240101101010.25", "2024-01-01T10:10:10.2600000")]
    public void End_PartialValue_IsFirstInstantAfterPeriod(string text, string end)
    {
        Assert.Equal(end, DicomDateTime.Parse(text).End.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void End_LastYear_IsMaxValue()
    {
        Assert.Equal(DateTime.MaxValue, DicomDateTime.Parse("9999").End);
    }

    [Fact]
    public void ToDateTimeOffset_WithAndWithoutOffset_UsesOwnOffsetFirst()
    {
        var withOffset = DicomDateTime.Parse("20240229134559+0100");
        var without = DicomDateTime.Parse("20240229134559");

        Assert.Equal(new DateTimeOffset(2024, 2, 29, 13, 45, 59, TimeSpan.FromHours(1)), withOffset.ToDateTimeOffset());
        Assert.Null(without.ToDateTimeOffset());
        Assert.Equal(
            new DateTimeOffset(2024, 2, 29, 13, 45, 59, TimeSpan.FromHours(-5)),
            without.ToDateTimeOffset(TimeSpan.FromHours(-5)));
        Assert.Equal(TimeSpan.FromHours(1), withOffset.ToDateTimeOffset(TimeSpan.FromHours(-5)).Offset);
    }

    [Theory]
    [InlineData("2024")]
    [InlineData("202402")]
    [InlineData("20240229")]
    [InlineData("2024022913")]
    [InlineData("202402291345")]
    [InlineData("20240229134559")]
    [InlineData("20240229134560")]
    [InlineData("20240229134559.1")]
    [InlineData("20240229134559.123456")]
    [InlineData("20240229134559.123456+1400")]
    [InlineData("2024-0530")]
    public void ToString_ParsedValue_RoundTrips(string text)
    {
        Assert.Equal(text, DicomDateTime.Parse(text).ToString());
    }

    [Theory]
    [InlineData(DicomDateTimePrecision.Year, "2024")]
    [InlineData(DicomDateTimePrecision.Day, "20240229")]
    [InlineData(DicomDateTimePrecision.Second, "20240229134559")]
    [InlineData(DicomDateTimePrecision.Fraction, "20240229134559.123456")]
    public void FromDateTime_Precision_WritesThatMuch(DicomDateTimePrecision precision, string expected)
    {
        var value = new DateTime(2024, 2, 29, 13, 45, 59, 123, 456);

        Assert.Equal(expected, DicomDateTime.FromDateTime(value, precision).ToString());
    }

    [Fact]
    public void FromDateTimeOffset_Value_WritesOffset()
    {
        var value = new DateTimeOffset(2024, 2, 29, 13, 45, 59, TimeSpan.FromHours(-3.5));

        Assert.Equal("20240229134559-0330", DicomDateTime.FromDateTimeOffset(value, DicomDateTimePrecision.Second).ToString());
    }

    [Fact]
    public void Equals_SamePeriodStartDifferentPrecision_AreDifferent()
    {
        Assert.NotEqual(DicomDateTime.Parse("2024"), DicomDateTime.Parse("202401"));
        Assert.Equal(DicomDateTime.Parse("202401"), DicomDateTime.Parse(" 202401 "));
        Assert.NotEqual(DicomDateTime.Parse("2024+0000"), DicomDateTime.Parse("2024"));
    }
}
