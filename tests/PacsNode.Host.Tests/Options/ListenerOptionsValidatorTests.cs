using PacsNode.Host.Options;
using Xunit;

namespace PacsNode.Host.Tests.Options;

public sealed class ListenerOptionsValidatorTests
{
    private readonly ListenerOptionsValidator _validator = new();

    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        var result = _validator.Validate(null, Valid());

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(65536)]
    [InlineData(70000)]
    public void Validate_PortOutOfRange_FailsNamingThePort(int port)
    {
        var options = Valid();
        options.Port = port;

        var result = _validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("PacsNode:Listener:Port", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(104)]
    [InlineData(65535)]
    public void Validate_PortInRange_Succeeds(int port)
    {
        var options = Valid();
        options.Port = port;

        Assert.True(_validator.Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData("A")]
    [InlineData("PACSNODE")]
    [InlineData("SIXTEEN_CHARS_AE")]
    [InlineData(" PADDED ")]
    [InlineData("ae-with_symbols!")]
    public void DescribeAeTitleProblem_ValidTitle_ReturnsNull(string aeTitle)
    {
        Assert.Null(ListenerOptionsValidator.DescribeAeTitleProblem(aeTitle));
    }

    [Theory]
    [InlineData("")]
    [InlineData("    ")]
    [InlineData("SEVENTEEN_CHARS_A")]
    [InlineData("BACK\\SLASH")]
    [InlineData("TAB\tTITLE")]
    [InlineData("ÜMLAUT")]
    public void DescribeAeTitleProblem_InvalidTitle_ReturnsReason(string aeTitle)
    {
        Assert.NotNull(ListenerOptionsValidator.DescribeAeTitleProblem(aeTitle));
    }

    [Fact]
    public void Validate_InvalidAeTitle_FailsNamingTheAeTitle()
    {
        var options = Valid();
        options.AeTitle = "BACK\\SLASH";

        var result = _validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("PacsNode:Listener:AeTitle", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("")]
    [InlineData("300.1.1.1")]
    public void Validate_AddressNotAnIpAddress_FailsNamingTheAddress(string address)
    {
        var options = Valid();
        options.Address = address;

        var result = _validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("PacsNode:Listener:Address", result.FailureMessage, StringComparison.Ordinal);
    }

    private static ListenerOptions Valid() => new() { AeTitle = "PACSNODE", Address = "127.0.0.1", Port = 11112 };
}
