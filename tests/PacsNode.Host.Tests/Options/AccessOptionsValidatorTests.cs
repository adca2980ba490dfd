using System.Net;
using PacsNode.Host.Options;
using Xunit;

namespace PacsNode.Host.Tests.Options;

public sealed class AccessOptionsValidatorTests
{
    private readonly AccessOptionsValidator _validator = new();

    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        Assert.True(_validator.Validate(null, new AccessOptions()).Succeeded);
    }

    [Theory]
    [InlineData("10.1.0.0/16", "10.1.255.3", true)]
    [InlineData("10.1.0.0/16", "10.2.0.1", false)]
    [InlineData("192.168.1.7", "192.168.1.7", true)]
    [InlineData("192.168.1.7", "192.168.1.8", false)]
    [InlineData("::1", "::1", true)]
    public void TryParseNetwork_AddressOrCidr_ContainsExactlyItsAddresses(string text, string address, bool contained)
    {
        Assert.True(AccessOptionsValidator.TryParseNetwork(text, out var network));
        Assert.Equal(contained, network.Contains(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("10.0.0.0/33")]
    [InlineData("hostname")]
    public void Validate_BadHost_FailsNamingAllowedHosts(string host)
    {
        var result = _validator.Validate(null, new AccessOptions { AllowedHosts = [host] });

        Assert.True(result.Failed);
        Assert.Contains("PacsNode:Access:AllowedHosts", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RequireWithoutUsers_FailsNamingUsers()
    {
        var result = _validator.Validate(null, new AccessOptions { UserIdentity = UserIdentityMode.Require });

        Assert.True(result.Failed);
        Assert.Contains("PacsNode:Access:Users", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BadCallingAeTitle_FailsNamingTheKey()
    {
        var result = _validator.Validate(null, new AccessOptions { AllowedCallingAeTitles = ["SEVENTEEN_CHARS_A"] });

        Assert.True(result.Failed);
        Assert.Contains("PacsNode:Access:AllowedCallingAeTitles", result.FailureMessage, StringComparison.Ordinal);
    }
}
