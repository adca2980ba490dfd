using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PacsNode.Host.Commands;
using PacsNode.Host.Configuration;
using PacsNode.Host.Options;
using PacsNode.Host.Services;
using HostFactory = Microsoft.Extensions.Hosting.Host;

namespace PacsNode.Host;

/// <summary>The composition root of the running node: configuration, options, services.</summary>
internal static class NodeHost
{
    /// <summary>Creates the node's host builder.</summary>
    /// <param name="configFile">An optional JSON file that overrides the embedded defaults.</param>
    public static HostApplicationBuilder CreateBuilder(string? configFile)
    {
        var builder = HostFactory.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ApplicationName = "PacsNode",
            ContentRootPath = AppContext.BaseDirectory,
        });
        NodeConfiguration.Apply(builder.Configuration, configFile);

        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<ListenerOptions>().BindConfiguration(ListenerOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ListenerOptions>, ListenerOptionsValidator>();
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        services.AddOptions<RemotesOptions>().Configure<IConfiguration>(RemotesOptions.Bind).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RemotesOptions>, RemotesOptionsValidator>();
        services.AddHostedService<DicomListenerService>();
        return builder;
    }

    /// <summary>
    /// Binds and validates every option before the host starts, so a bad setting is one line on stderr
    /// rather than a logged stack trace.
    /// </summary>
    /// <exception cref="CommandException">A setting is missing, malformed or invalid.</exception>
    public static async Task ValidateOptionsAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        try
        {
            await services.GetRequiredService<IAsyncStartupValidator>().ValidateAsync(cancellationToken);
        }
        catch (OptionsValidationException ex)
        {
            throw new CommandException($"invalid configuration: {ex.Message}", ex);
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(inner => inner is OptionsValidationException))
        {
            var messages = ex.InnerExceptions.Select(inner => inner.Message);
            throw new CommandException($"invalid configuration: {string.Join("; ", messages)}", ex);
        }
        catch (InvalidOperationException ex)
        {
            // The configuration binder reports a value it cannot convert (Port = "abc") this way.
            throw new CommandException($"invalid configuration: {ex.Message}", ex);
        }
    }
}
