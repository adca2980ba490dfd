using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PacsNode.Host.Options;

namespace PacsNode.Host.Commands;

/// <summary>
/// <c>pacsnode serve [--config FILE] [--ae AE] [--port N] [--data DIR] [--remote AE@host:port]… [--stable-seconds N]</c>:
/// runs the node until SIGINT or SIGTERM. <c>--stable-seconds</c> is the pipeline's default quiet time. The options override every configuration source (<see cref="NodeHost.CreateBuilder(string?, IReadOnlyDictionary{string, string?}?, IReadOnlyList{PeerAddress}?)"/>).
/// </summary>
internal sealed class ServeCommand : ICommand
{
    public string Name => "serve";

    public string Summary => "Run the DICOM node until Ctrl-C or SIGTERM";

    public string Usage => "serve [--config FILE] [--ae AE] [--port N] [--data DIR] [--remote AE@host:port]... [--stable-seconds N]";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        string? configFile = null;
        var overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var remotes = new List<PeerAddress>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "-h" or "--help":
                    await Console.Out.WriteLineAsync($"usage: pacsnode {Usage}".AsMemory(), cancellationToken);
                    return ExitCodes.Ok;
                case "--config":
                    configFile = Value(args, ref i);
                    break;
                case "--ae":
                    var ae = Value(args, ref i);
                    if (ListenerOptionsValidator.DescribeAeTitleProblem(ae) is { } problem)
                    {
                        throw new ConfigurationException($"--ae '{ae}': the AE title {problem}");
                    }

                    overrides[$"{ListenerOptions.SectionName}:{nameof(ListenerOptions.AeTitle)}"] = ae;
                    break;
                case "--port":
                    var port = Value(args, ref i);
                    if (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 1 or > 65535)
                    {
                        throw new ConfigurationException($"--port '{port}' must be a number between 1 and 65535");
                    }

                    overrides[$"{ListenerOptions.SectionName}:{nameof(ListenerOptions.Port)}"] = port;
                    break;
                case "--data":
                    overrides[$"{StorageOptions.SectionName}:{nameof(StorageOptions.DataFolder)}"] = Value(args, ref i);
                    break;
                case "--remote":
                    remotes.Add(PeerAddress.Parse(Value(args, ref i), "--remote"));
                    break;
                case "--stable-seconds":
                    var seconds = Value(args, ref i);
                    if (!int.TryParse(seconds, NumberStyles.None, CultureInfo.InvariantCulture, out var quiet) || quiet > 86_400)
                    {
                        throw new ConfigurationException($"--stable-seconds '{seconds}' must be a number of seconds from 0 to 86400");
                    }

                    overrides[$"{PipelineOptions.SectionName}:{nameof(PipelineOptions.QuietSeconds)}"] = seconds;
                    break;
                default:
                    throw new UsageException($"unexpected argument '{args[i]}'");
            }
        }

        if (configFile is not null)
        {
            configFile = Path.GetFullPath(configFile);
            if (!File.Exists(configFile))
            {
                throw new ConfigurationException($"configuration file not found: {configFile}");
            }
        }

        using var host = NodeHost.CreateBuilder(configFile, overrides, remotes).Build();
        await NodeHost.ValidateOptionsAsync(host.Services, cancellationToken);

        var logger = host.Services.GetRequiredService<ILogger<ServeCommand>>();
        var listener = host.Services.GetRequiredService<IOptions<ListenerOptions>>().Value;
        var storage = host.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
        Log.NodeStarting(logger, VersionCommand.Version, listener.AeTitle, storage.DataFolderFullPath);

        await host.RunAsync(cancellationToken);
        return ExitCodes.Ok;
    }

    private static string Value(string[] args, ref int i)
    {
        if (i + 1 >= args.Length)
        {
            throw new UsageException($"{args[i]} needs a value");
        }

        return args[++i];
    }
}
