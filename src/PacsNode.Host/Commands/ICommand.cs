namespace PacsNode.Host.Commands;

/// <summary>
/// One <c>pacsnode</c> subcommand. To add a command, write one sealed class implementing this interface in
/// <c>Commands/</c> and add one line to <see cref="CommandRegistry.Commands"/>.
/// </summary>
/// <remarks>
/// Exit codes are <see cref="ExitCodes"/>. Throw <see cref="UsageException"/> for bad arguments (exit 2) and
/// <see cref="CommandException"/> for bad input or a failed operation (exit 1); the dispatcher prints the
/// message as one line on stderr, without a stack trace. Any other exception is a bug and crashes loudly.
/// </remarks>
internal interface ICommand
{
    /// <summary>The word after <c>pacsnode</c>, for example <c>serve</c>.</summary>
    string Name { get; }

    /// <summary>One line for <c>pacsnode help</c>.</summary>
    string Summary { get; }

    /// <summary>The synopsis after <c>pacsnode</c>, for example <c>serve [--config FILE]</c>.</summary>
    string Usage { get; }

    /// <summary>Runs the command with the arguments that follow its name.</summary>
    /// <param name="args">The arguments after the command name.</param>
    /// <param name="cancellationToken">Cancelled by the first SIGINT or SIGTERM.</param>
    /// <returns>The process exit code.</returns>
    Task<int> RunAsync(string[] args, CancellationToken cancellationToken);
}
