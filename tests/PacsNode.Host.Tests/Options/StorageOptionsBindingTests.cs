using Microsoft.Extensions.Configuration;
using PacsNode.Host.Configuration;
using PacsNode.Host.Options;
using PacsNode.Storage.Files;
using Xunit;

namespace PacsNode.Host.Tests.Options;

/// <summary><c>PacsNode:Storage:DuplicatePolicy</c>: Keep by default (the embedded defaults), any policy by name.</summary>
public sealed class StorageOptionsBindingTests
{
    [Fact]
    public void Bind_EmbeddedDefaults_KeepsDuplicates()
    {
        var configuration = new ConfigurationBuilder();
        NodeConfiguration.Apply(configuration, null);

        var options = configuration.Build().GetSection(StorageOptions.SectionName).Get<StorageOptions>()!;

        Assert.Equal(DuplicatePolicy.Keep, options.DuplicatePolicy);
        Assert.Equal(StorageDurability.PowerLoss, options.Durability);
    }

    [Fact]
    public void Bind_ProcessCrashDurability_SetsIt()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["PacsNode:Storage:Durability"] = "ProcessCrash" })
            .Build();

        Assert.Equal(StorageDurability.ProcessCrash, configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>()!.Durability);
    }

    [Theory]
    [InlineData("Replace", DuplicatePolicy.Replace)]
    [InlineData("reject", DuplicatePolicy.Reject)]
    public void Bind_PolicyByName_SetsIt(string text, DuplicatePolicy expected)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["PacsNode:Storage:DuplicatePolicy"] = text })
            .Build();

        var options = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>()!;

        Assert.Equal(expected, options.DuplicatePolicy);
    }

    [Fact]
    public void Bind_UnknownPolicy_Throws()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["PacsNode:Storage:DuplicatePolicy"] = "Overwrite" })
            .Build();

        Assert.Throws<InvalidOperationException>(() => configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>());
    }
}
