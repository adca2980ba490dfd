using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PacsNode.Host.Commands;
using PacsNode.Host.Configuration;
using PacsNode.Host.Options;
using PacsNode.Host.Services;
using PacsNode.Pipeline;
using HostFactory = Microsoft.Extensions.Hosting.Host;

namespace PacsNode.Host;

/// <summary>The composition root of the running node: configuration, options, services.</summary>
internal static class NodeHost
{
    /// <summary>Creates the node's host builder.</summary>
    /// <param name="configFile">An optional JSON file that overrides the embedded defaults.</param>
    public static HostApplicationBuilder CreateBuilder(string? configFile) => CreateBuilder(configFile, null, null);

    /// <summary>Creates the node's host builder.</summary>
    /// <param name="configFile">An optional JSON file that overrides the embedded defaults.</param>
    /// <param name="overrides">Settings from the command line (<c>--port</c> …), above every other source.</param>
    /// <param name="remotes">Peers from <c>--remote</c>, appended to <c>PacsNode:Remotes</c>.</param>
    public static HostApplicationBuilder CreateBuilder(
        string? configFile, IReadOnlyDictionary<string, string?>? overrides, IReadOnlyList<PeerAddress>? remotes)
    {
        var builder = HostFactory.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ApplicationName = "PacsNode",
            ContentRootPath = AppContext.BaseDirectory,
        });
        NodeConfiguration.Apply(builder.Configuration, configFile);
        var commandLine = new Dictionary<string, string?>(overrides ?? new Dictionary<string, string?>(), StringComparer.OrdinalIgnoreCase);
        var existing = builder.Configuration.GetSection(RemotesOptions.SectionName).GetChildren().Count();
        foreach (var (remote, index) in (remotes ?? []).Select((r, i) => (r, existing + i)))
        {
            var key = string.Create(CultureInfo.InvariantCulture, $"{RemotesOptions.SectionName}:{index}:");
            commandLine[key + nameof(RemoteAeOptions.AeTitle)] = remote.AeTitle;
            commandLine[key + nameof(RemoteAeOptions.Host)] = remote.Host;
            commandLine[key + nameof(RemoteAeOptions.Port)] = remote.Port.ToString(CultureInfo.InvariantCulture);
        }

        builder.Configuration.AddInMemoryCollection(commandLine);

        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<ListenerOptions>().BindConfiguration(ListenerOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ListenerOptions>, ListenerOptionsValidator>();
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        services.AddOptions<RemotesOptions>().Configure<IConfiguration>(RemotesOptions.Bind).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RemotesOptions>, RemotesOptionsValidator>();
        services.AddOptions<AccessOptions>().BindConfiguration(AccessOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AccessOptions>, AccessOptionsValidator>();
        services.AddOptions<TlsOptions>().BindConfiguration(TlsOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TlsOptions>, TlsOptionsValidator>();
        services.AddOptions<PipelineOptions>().BindConfiguration(PipelineOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PipelineOptions>, PipelineOptionsValidator>();
        services.AddSingleton<NodeIndex>();

        // The shared store, index writer and archive; a hosted service registered first, so it stops last.
        services.AddSingleton<NodeStorage>();
        services.AddHostedService(sp => sp.GetRequiredService<NodeStorage>());

        // The pipeline runs when enabled and an ISeriesProcessor is registered (the report processor); registered
        // before the listener so that it stops after it.
        services.AddSingleton<ISeriesProcessor>(ReportProcessor.Create);
        services.AddSingleton<PipelineRuntime>();
        services.AddHostedService<PipelineService>();

        // The host waits this long for the listener, which itself gives associations ShutdownGraceSeconds.
        // (A malformed value is reported by the options validation; here it falls back to the default.)
        var graceText = builder.Configuration[$"{ListenerOptions.SectionName}:{nameof(ListenerOptions.ShutdownGraceSeconds)}"];
        var grace = int.TryParse(graceText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var g) ? g : 10;
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(Math.Clamp(grace, 0, 3600) + 10));
        services.AddHostedService<DicomListenerService>();

        // Under systemd (Type=notify) the node reports READY/STOPPING and logs in journald's format; as a Windows
        // service it answers the service control manager. Both do nothing when run from a shell.
        services.AddSystemd();
        services.AddWindowsService(o => o.ServiceName = "PacsNode");
        return builder;
    }

    /// <summary>
    /// Binds and validates every option before the host starts, so a bad setting is one line on stderr
    /// rather than a logged stack trace.
    /// </summary>
    /// <exception cref="ConfigurationException">A setting is missing, malformed or invalid.</exception>
    public static async Task ValidateOptionsAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        try
        {
            await services.GetRequiredService<IAsyncStartupValidator>().ValidateAsync(cancellationToken);
        }
        catch (OptionsValidationException ex)
        {
            throw new ConfigurationException($"invalid configuration: {ex.Message}", ex);
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(inner => inner is OptionsValidationException))
        {
            var messages = ex.InnerExceptions.Select(inner => inner.Message);
            throw new ConfigurationException($"invalid configuration: {string.Join("; ", messages)}", ex);
        }
        catch (InvalidOperationException ex)
        {
            // The configuration binder reports a value it cannot convert (Port = "abc") this way.
            throw new ConfigurationException($"invalid configuration: {ex.Message}", ex);
        }
    }
}
