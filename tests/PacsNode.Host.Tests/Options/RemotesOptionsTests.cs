using Microsoft.Extensions.Configuration;
using PacsNode.Host.Configuration;
using PacsNode.Host.Options;
using Xunit;

namespace PacsNode.Host.Tests.Options;

public sealed class RemotesOptionsTests
{
    [Fact]
    public void Bind_EmbeddedDefaults_NoRemotes()
    {
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(NodeConfiguration.ReadEmbeddedDefaults())).Build();
        var options = new RemotesOptions();

        RemotesOptions.Bind(options, configuration);

        Assert.Empty(options.Remotes);
        Assert.True(new RemotesOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Bind_EnvironmentStyleKeys_EachRemoteInOrder()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["PacsNode:Remotes:0:AeTitle"] = "VIEWER",
            ["PacsNode:Remotes:0:Host"] = "10.0.0.5",
            ["PacsNode:Remotes:0:Port"] = "104",
            ["PacsNode:Remotes:1:AeTitle"] = "ARCHIVE",
            ["PacsNode:Remotes:1:Host"] = "archive.local",
            ["PacsNode:Remotes:1:Port"] = "11112",
        }).Build();
        var options = new RemotesOptions();

        RemotesOptions.Bind(options, configuration);

        Assert.Equal(["VIEWER", "ARCHIVE"], options.Remotes.Select(r => r.AeTitle));
        Assert.Equal([104, 11112], options.Remotes.Select(r => r.Port));
        Assert.True(new RemotesOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Validate_BadPortMissingHostAndDuplicateTitle_EachReported()
    {
        var options = new RemotesOptions();
        options.Remotes.Add(new RemoteAeOptions { AeTitle = "A", Host = "h", Port = 70000 });
        options.Remotes.Add(new RemoteAeOptions { AeTitle = "A", Host = " ", Port = 104 });
        options.Remotes.Add(new RemoteAeOptions { AeTitle = "SEVENTEEN-CHARS-X", Host = "h", Port = 104 });

        var result = new RemotesOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("PacsNode:Remotes:0:Port", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("PacsNode:Remotes:1:Host", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("PacsNode:Remotes:2:AeTitle", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("'A' is listed 2 times", result.FailureMessage, StringComparison.Ordinal);
    }
}
