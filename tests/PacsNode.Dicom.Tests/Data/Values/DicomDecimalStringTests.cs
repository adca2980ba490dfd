using PacsNode.Dicom.Data.Values;
using Xunit;

namespace PacsNode.Dicom.Tests.Data.Values;

public sealed class DicomDecimalStringTests
{
    [Theory]
    [InlineData("     474592928", 474592928d)]
    [InlineData("1.5", 1.5)]
    [InlineData("-1.5 ", -1.5)]
    [InlineData("+1.5", 1.5)]
    [InlineData(".5", 0.5)]
    [InlineData("5.", 5d)]
    [InlineData("1e3", 1000d)]
    [InlineData("1E-3", 0.001)]
    [InlineData("-1.2E+02", -120d)]
    [InlineData(" 0.0 ", 0d)]
    [InlineData("2.5\0", 2.5)]
    [InlineData("00012", 12d)]
    public void TryParse_ValidText_ReadsDouble(string text, double expected)
    {
        Assert.True(DicomDecimalString.TryParse(text, out double value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("1 5")]
    [InlineData("1,5")]
    [InlineData("1,000")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    [InlineData("0x1A")]
    [InlineData("1e")]
    [InlineData("e5")]
    [InlineData(".")]
    [InlineData("+")]
    [InlineData("1.2.3")]
    [InlineData("1e999")]
    [InlineData("1.5f")]
    [InlineData("١")]
    [InlineData("1.5\\2")]
    public void TryParse_Garbage_ReturnsFalse(string text)
    {
        Assert.False(DicomDecimalString.TryParse(text, out double _));
    }

    [Theory]
    [InlineData("0.1", "0.1")]
    [InlineData(" 1E-3 ", "0.001")]
    [InlineData("-12.50", "-12.50")]
    public void TryParse_Decimal_IsExact(string text, string expected)
    {
        Assert.True(DicomDecimalString.TryParse(text, out decimal value));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Fact]
    public void TryParse_DecimalOverflow_ReturnsFalse()
    {
        Assert.False(DicomDecimalString.TryParse("1e40", out decimal _));
    }

    [Theory]
    [InlineData(0d, "0")]
    [InlineData(1.5, "1.5")]
    [InlineData(0.1, "0.1")]
    [InlineData(474592928d, "474592928")]
    [InlineData(1e20, "1E20")]
    [InlineData(1e-5, "1E-5")]
    [InlineData(-2.5e-7, "-2.5E-7")]
    [InlineData(1234567890123456d, "1234567890123456")]
    [InlineData(12345678901234567d, "1.23456789012E16")]
    [InlineData(123456789012345678d, "1.23456789012E17")]
    [InlineData(Math.PI, "3.14159265358979")]
    [InlineData(-Math.PI, "-3.1415926535898")]
    [InlineData(0.000123456789012345, "1.23456789012E-4")]
    [InlineData(double.MaxValue, "1.7976931349E308")]
    [InlineData(double.Epsilon, "5E-324")]
    [InlineData(3.4567891234, "3.4567891234")]
    public void Format_Double_WritesShortestFittingText(double value, string expected)
    {
        Assert.Equal(expected, DicomDecimalString.Format(value));
    }

    [Fact]
    public void Format_NegativeZero_WritesZero()
    {
        Assert.Equal("0", DicomDecimalString.Format(-0d));
    }

    [Theory]
    [InlineData(0.1 + 0.2)]
    [InlineData(1.0 / 3.0)]
    [InlineData(-2.0 / 3.0 * 1e-100)]
    [InlineData(6.02214076e23)]
    [InlineData(123456.789012345)]
    [InlineData(-0.000001234567890123)]
    [InlineData(9.999999999999999e22)]
    public void Format_AnyFiniteDouble_FitsSixteenCharactersAndReadsBackClosely(double value)
    {
        string text = DicomDecimalString.Format(value);

        Assert.InRange(text.Length, 1, DicomDecimalString.MaxLength);
        Assert.True(DicomDecimalString.TryParse(text, out double back));
        // The worst case, "-d.ddddddddE-308", still keeps 9 significant digits.
        Assert.Equal(value, back, Math.Abs(value) * 1e-8);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Format_NonFinite_Throws(double value)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DicomDecimalString.Format(value));
        Assert.False(DicomDecimalString.TryFormat(value, new char[16], out _));
    }

    [Fact]
    public void TryFormat_ShortDestination_ReturnsFalse()
    {
        Assert.False(DicomDecimalString.TryFormat(1.25, new char[3], out int written));
        Assert.Equal(0, written);
    }
}
