using PacsNode.Dicom.Data.Values;
using Xunit;

namespace PacsNode.Dicom.Tests.Data.Values;

public sealed class DicomIntegerStringTests
{
    [Theory]
    [InlineData("  42 ", 42L)]
    [InlineData("+7", 7L)]
    [InlineData("-2147483648", -2147483648L)]
    [InlineData("2147483648", 2147483648L)]
    [InlineData("0012", 12L)]
    [InlineData("5\0", 5L)]
    public void TryParse_ValidText_ReadsLong(string text, long expected)
    {
        Assert.True(DicomIntegerString.TryParse(text, out long value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("4 2")]
    [InlineData("1.0")]
    [InlineData("1e3")]
    [InlineData("0x10")]
    [InlineData("--1")]
    [InlineData("+")]
    [InlineData("99999999999999999999")]
    public void TryParse_Garbage_ReturnsFalse(string text)
    {
        Assert.False(DicomIntegerString.TryParse(text, out long _));
    }

    [Theory]
    [InlineData("2147483647", true)]
    [InlineData("2147483648", false)]
    [InlineData(" -2147483648", true)]
    public void TryParse_Int_ChecksIntRange(string text, bool expected)
    {
        Assert.Equal(expected, DicomIntegerString.TryParse(text, out int _));
    }

    [Theory]
    [InlineData(0L, "0")]
    [InlineData(-2147483648L, "-2147483648")]
    [InlineData(2147483647L, "2147483647")]
    public void Format_InRange_WritesDigits(long value, string expected)
    {
        Assert.Equal(expected, DicomIntegerString.Format(value));
        Assert.True(DicomIntegerString.IsInRange(value));
    }

    [Theory]
    [InlineData(2147483648L)]
    [InlineData(-2147483649L)]
    public void Format_OutOfStandardRange_Throws(long value)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DicomIntegerString.Format(value));
        Assert.False(DicomIntegerString.TryFormat(value, new char[12], out _));
        Assert.False(DicomIntegerString.IsInRange(value));
    }
}
