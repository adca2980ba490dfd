using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PacsNode.Host.Configuration;
using PacsNode.Host.Options;
using PacsNode.Pipeline;
using Xunit;

namespace PacsNode.Host.Tests.Options;

public sealed class PipelineOptionsTests
{
    [Fact]
    public void Bind_EmbeddedDefaults_EnabledThirtySecondsOneWorkerNoForwarding()
    {
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(NodeConfiguration.ReadEmbeddedDefaults())).Build();
        PipelineOptions options = configuration.GetSection(PipelineOptions.SectionName).Get<PipelineOptions>()!;

        PipelineSettings settings = options.ToSettings("PACSNODE", new RemotesOptions(), "/tmp");

        Assert.True(options.Enabled);
        Assert.Equal(TimeSpan.FromSeconds(30), settings.Stability.DefaultQuietTime);
        Assert.Equal(1, settings.Workers);
        Assert.Equal([5.0, 30.0, 120.0], settings.JobRetries.Backoff.Select(b => b.TotalSeconds));
        Assert.Empty(settings.Forward.DestinationsFor("ANY"));
        Assert.True(Validator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Bind_PerCallingAeSettings_QuietTimeAndDestinationsByAe()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["PacsNode:Pipeline:QuietSecondsByCallingAe:FAST_PET"] = "5",
            ["PacsNode:Pipeline:ForwardDefault:0"] = "PACS",
            ["PacsNode:Pipeline:ForwardByCallingAe:ORTHANC:0"] = "ORTHANC",
            ["PacsNode:Pipeline:BackoffSeconds:0"] = "1",
            ["PacsNode:Pipeline:BackoffSeconds:1"] = "2",
        }).Build();
        PipelineOptions options = configuration.GetSection(PipelineOptions.SectionName).Get<PipelineOptions>()!;
        var remotes = new RemotesOptions();
        remotes.Remotes.Add(new RemoteAeOptions { AeTitle = "PACS", Host = "pacs", Port = 104 });
        remotes.Remotes.Add(new RemoteAeOptions { AeTitle = "ORTHANC", Host = "127.0.0.1", Port = 4242 });

        PipelineSettings settings = options.ToSettings("PACSNODE", remotes, "/tmp");

        Assert.Equal(TimeSpan.FromSeconds(5), settings.Stability.QuietTimeFor("FAST_PET"));
        Assert.Equal(TimeSpan.FromSeconds(30), settings.Stability.QuietTimeFor("OTHER"));
        Assert.Equal(["ORTHANC"], settings.Forward.DestinationsFor("ORTHANC"));
        Assert.Equal(["PACS"], settings.Forward.DestinationsFor("SCANNER"));
        Assert.Equal(new Pipeline.Forwarding.ForwardDestination("ORTHANC", "127.0.0.1", 4242), settings.Forward.Remotes["ORTHANC"]);
        Assert.Equal([1.0, 2.0], settings.JobRetries.Backoff.Select(b => b.TotalSeconds));
        Assert.True(Validator(remotes).Validate(null, options).Succeeded);
    }

    [Fact]
    public void Validate_UnknownDestinationAndNoWorkers_EachReported()
    {
        var options = new PipelineOptions { Workers = 0, QuietSeconds = -1 };
        options.ForwardDefault.Add("NOWHERE");
        options.ForwardByCallingAe["SCANNER"] = ["ELSEWHERE"];

        ValidateOptionsResult result = Validator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Equal(4, result.Failures!.Count());
        Assert.Contains(result.Failures!, f => f.Contains("PacsNode:Pipeline:ForwardDefault: 'NOWHERE' is not a remote", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("PacsNode:Pipeline:ForwardByCallingAe:SCANNER: 'ELSEWHERE'", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("PacsNode:Pipeline:Workers must be 1 to 64 (got 0)", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("PacsNode:Pipeline:QuietSeconds must be 0 to 86400 (got -1)", StringComparison.Ordinal));
    }

    [Fact]
    public void CreateBuilder_StableSecondsOverride_BecomesTheQuietTime()
    {
        var overrides = new Dictionary<string, string?> { ["PacsNode:Pipeline:QuietSeconds"] = "7" };
        using var host = NodeHost.CreateBuilder(null, overrides, null).Build();

        Assert.Equal(7, host.Services.GetRequiredService<IOptions<PipelineOptions>>().Value.QuietSeconds);
    }

    private static PipelineOptionsValidator Validator(RemotesOptions? remotes = null) =>
        new(Microsoft.Extensions.Options.Options.Create(remotes ?? new RemotesOptions()));
}
