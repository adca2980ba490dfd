namespace PacsNode.Host.Commands;

/// <summary>The list of subcommands, in the order <c>pacsnode help</c> shows them.</summary>
internal static class CommandRegistry
{
    /// <summary>Every subcommand. Adding a command is one class in <c>Commands/</c> plus one line here.</summary>
    public static IReadOnlyList<ICommand> Commands { get; } =
    [
        new ServeCommand(),
        new ReindexCommand(),
        new JobsCommand(),
        new FindCommand(),
        new MoveCommand(),
        new GetCommand(),
        new EchoCommand(),
        new SendCommand(),
        new DumpCommand(),
        new ConvertCommand(),
        new QuantifyCommand(),
        new ResultsCommand(),
        new PhantomCommand(),
        new PatientCommand(),
        new VersionCommand(),
        new HelpCommand(),
    ];
}
