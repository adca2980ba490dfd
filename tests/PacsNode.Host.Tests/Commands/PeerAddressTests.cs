using PacsNode.Host.Commands;
using Xunit;

namespace PacsNode.Host.Tests.Commands;

public sealed class PeerAddressTests
{
    [Theory]
    [InlineData("STORESCP@127.0.0.1:11112", "STORESCP", "127.0.0.1", 11112)]
    [InlineData("A@B@host.example:104", "A@B", "host.example", 104)]
    [InlineData("V6@[::1]:4242", "V6", "::1", 4242)]
    public void Parse_WellFormed_SplitsAeHostAndPort(string text, string ae, string host, int port)
    {
        Assert.Equal(new PeerAddress(ae, host, port), PeerAddress.Parse(text, "--to"));
    }

    [Theory]
    [InlineData("@host:104")]
    [InlineData("AE@:104")]
    [InlineData("AE@host")]
    [InlineData("AE@host:")]
    [InlineData("AE@host:-1")]
    [InlineData("AE@host:65536")]
    [InlineData("SEVENTEEN_CHARS_A@host:104")]
    public void Parse_Malformed_ThrowsConfigurationExceptionQuotingTheText(string text)
    {
        var ex = Assert.Throws<ConfigurationException>(() => PeerAddress.Parse(text, "--to"));
        Assert.Contains($"--to '{text}'", ex.Message, StringComparison.Ordinal);
    }
}
