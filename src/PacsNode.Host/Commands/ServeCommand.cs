using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PacsNode.Host.Options;

namespace PacsNode.Host.Commands;

/// <summary><c>pacsnode serve [--config FILE]</c>: runs the node until SIGINT or SIGTERM.</summary>
internal sealed class ServeCommand : ICommand
{
    public string Name => "serve";

    public string Summary => "Run the DICOM node until Ctrl-C or SIGTERM";

    public string Usage => "serve [--config FILE]";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        string? configFile = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--config" when i + 1 < args.Length:
                    configFile = args[++i];
                    break;
                case "--config":
                    throw new UsageException("--config needs a file name");
                case "-h" or "--help":
                    await Console.Out.WriteLineAsync($"usage: pacsnode {Usage}".AsMemory(), cancellationToken);
                    return ExitCodes.Ok;
                default:
                    throw new UsageException($"unexpected argument '{args[i]}'");
            }
        }

        if (configFile is not null)
        {
            configFile = Path.GetFullPath(configFile);
            if (!File.Exists(configFile))
            {
                throw new CommandException($"configuration file not found: {configFile}");
            }
        }

        using var host = NodeHost.CreateBuilder(configFile).Build();
        await NodeHost.ValidateOptionsAsync(host.Services, cancellationToken);

        var logger = host.Services.GetRequiredService<ILogger<ServeCommand>>();
        var listener = host.Services.GetRequiredService<IOptions<ListenerOptions>>().Value;
        var storage = host.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
        Log.NodeStarting(logger, VersionCommand.Version, listener.AeTitle, storage.DataFolderFullPath);

        await host.RunAsync(cancellationToken);
        return ExitCodes.Ok;
    }
}
