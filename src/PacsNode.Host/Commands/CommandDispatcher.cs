using Microsoft.Extensions.Options;

namespace PacsNode.Host.Commands;

/// <summary>Picks the subcommand named by the first argument, runs it, and maps failures to exit codes.</summary>
internal static class CommandDispatcher
{
    public static async Task<int> RunAsync(
        string[] args,
        IReadOnlyList<ICommand> commands,
        TextWriter stdout,
        TextWriter stderr,
        CancellationToken cancellationToken)
    {
        if (args.Length == 0)
        {
            await stderr.WriteAsync(UsageText.Build(commands).AsMemory(), cancellationToken);
            return ExitCodes.Usage;
        }

        var name = args[0] switch
        {
            "--version" or "-V" => VersionCommand.CommandName,
            "--help" or "-h" => HelpCommand.CommandName,
            var word => word,
        };
        var command = Find(commands, name);
        if (command is null)
        {
            await WriteLineAsync(stderr, $"pacsnode: unknown command '{name}'");
            await stderr.WriteAsync(UsageText.Build(commands).AsMemory(), cancellationToken);
            return ExitCodes.Usage;
        }

        try
        {
            var exitCode = await command.RunAsync(args[1..], cancellationToken);
            await stdout.FlushAsync(CancellationToken.None);
            return exitCode;
        }
        catch (UsageException ex)
        {
            await WriteLineAsync(stderr, $"pacsnode {command.Name}: {OneLine(ex.Message)}");
            await WriteLineAsync(stderr, $"usage: pacsnode {command.Usage}");
            return ExitCodes.Usage;
        }
        catch (ConfigurationException ex)
        {
            await WriteLineAsync(stderr, $"pacsnode {command.Name}: {OneLine(ex.Message)}");
            return ExitCodes.Usage;
        }
        catch (Exception ex) when (IsOperationFailure(ex))
        {
            await WriteLineAsync(stderr, $"pacsnode {command.Name}: {OneLine(ex.Message)}");
            return ExitCodes.Failure;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await WriteLineAsync(stderr, $"pacsnode {command.Name}: cancelled");
            return ExitCodes.Cancelled;
        }
    }

    /// <summary>Finds a command by its exact name.</summary>
    public static ICommand? Find(IReadOnlyList<ICommand> commands, string name)
    {
        foreach (var command in commands)
        {
            if (string.Equals(command.Name, name, StringComparison.Ordinal))
            {
                return command;
            }
        }

        return null;
    }

    /// <summary>
    /// Failures that come from the input or the environment rather than from a bug. Everything else propagates
    /// and crashes with a stack trace.
    /// </summary>
    private static bool IsOperationFailure(Exception ex) =>
        ex is CommandException
            or IOException
            or UnauthorizedAccessException
            or InvalidDataException
            or OptionsValidationException;

    /// <summary>Writes a diagnostic line; not cancellable, so "cancelled" itself still gets out.</summary>
    private static Task WriteLineAsync(TextWriter writer, string line) =>
        writer.WriteLineAsync(line.AsMemory(), CancellationToken.None);

    private static string OneLine(string message) =>
        message.ReplaceLineEndings(" ").Trim();
}
