using PacsNode.Storage.Files;
using Xunit;

namespace PacsNode.Storage.Tests.Files;

public sealed class DicomUidValidatorTests
{
    [Theory]
    [InlineData("1.2.840.10008.1.2.1")]
    [InlineData("0")]
    [InlineData("1.0.3")]
    [InlineData("2.25.329800735698586629295641978511506172918")]
    [InlineData("1.2.345678901234567890123456789012345678901234567890123456789012")] // 64 characters
    public void IsValid_Ps35Uid_ReturnsTrue(string uid) => Assert.True(DicomUidValidator.IsValid(uid));

    [Theory]
    [InlineData("../../etc")]
    [InlineData("1.2/3")]
    [InlineData("1.2\\3")]
    [InlineData("/1.2.3")]
    [InlineData("1.02")]
    [InlineData("01.2")]
    [InlineData("..")]
    [InlineData("1..2")]
    [InlineData(".1.2")]
    [InlineData("1.2.")]
    [InlineData("1.2 ")]
    [InlineData("1.2.a")]
    [InlineData("")]
    [InlineData("1.2.3456789012345678901234567890123456789012345678901234567890123")] // 65 characters
    public void IsValid_OutsideGrammar_ReturnsFalse(string uid) => Assert.False(DicomUidValidator.IsValid(uid));

    [Fact]
    public void Validate_TraversalAttempt_ThrowsNamingAttribute()
    {
        var exception = Assert.Throws<InvalidUidException>(() => DicomUidValidator.Validate("../../etc", "SOPInstanceUID"));

        Assert.Equal("SOPInstanceUID", exception.Attribute);
        Assert.Equal("../../etc", exception.Uid);
        Assert.Contains("PS3.5 9.1", exception.Message, StringComparison.Ordinal);
    }
}
