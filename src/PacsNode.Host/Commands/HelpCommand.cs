namespace PacsNode.Host.Commands;

/// <summary><c>pacsnode help [COMMAND]</c>: lists the commands, or shows the usage of one.</summary>
internal sealed class HelpCommand : ICommand
{
    public const string CommandName = "help";

    public string Name => CommandName;

    public string Summary => "Show the commands, or the usage of one command";

    public string Usage => "help [COMMAND]";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var stdout = Console.Out;
        var commands = CommandRegistry.Commands;
        switch (args.Length)
        {
            case 0:
                await stdout.WriteAsync(UsageText.Build(commands).AsMemory(), cancellationToken);
                break;
            case 1:
                var command = CommandDispatcher.Find(commands, args[0])
                    ?? throw new UsageException($"unknown command '{args[0]}'");
                await stdout.WriteLineAsync($"usage: pacsnode {command.Usage}".AsMemory(), cancellationToken);
                await stdout.WriteLineAsync(command.Summary.AsMemory(), cancellationToken);
                break;
            default:
                throw new UsageException("expected at most one command name");
        }

        return ExitCodes.Ok;
    }
}
