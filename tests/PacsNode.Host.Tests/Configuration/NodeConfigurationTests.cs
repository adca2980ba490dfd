using Microsoft.Extensions.Configuration;
using PacsNode.Host.Configuration;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Host.Tests.Configuration;

public sealed class NodeConfigurationTests : IDisposable
{
    private readonly TempDirectory _temp = new("node-configuration");

    [Fact]
    public void EmbeddedDefaults_Always_MatchConfigAppSettings()
    {
        var embedded = NodeConfiguration.ReadEmbeddedDefaults();
        var onDisk = File.ReadAllBytes(Repository.Path("config", "appsettings.json"));

        Assert.Equal(onDisk, embedded);
    }

    [Fact]
    public void Apply_NoConfigFile_YieldsTheLoopbackDefaults()
    {
        var configuration = Build(configFile: null);

        Assert.Equal("PACSNODE", configuration["PacsNode:Listener:AeTitle"]);
        Assert.Equal("127.0.0.1", configuration["PacsNode:Listener:Address"]);
        Assert.Equal("11112", configuration["PacsNode:Listener:Port"]);
        Assert.False(string.IsNullOrEmpty(configuration["PacsNode:Storage:DataFolder"]));
    }

    [Fact]
    public void Apply_ConfigFile_OverridesOnlyWhatItNames()
    {
        var file = _temp.Combine("override.json");
        File.WriteAllText(file, """{ "PacsNode": { "Listener": { "AeTitle": "OTHERAE" } } }""");

        var configuration = Build(file);

        Assert.Equal("OTHERAE", configuration["PacsNode:Listener:AeTitle"]);
        Assert.Equal("11112", configuration["PacsNode:Listener:Port"]);
    }

    public void Dispose() => _temp.Dispose();

    private static IConfigurationRoot Build(string? configFile)
    {
        var builder = new ConfigurationBuilder();
        NodeConfiguration.Apply(builder, configFile);
        return builder.Build();
    }
}
