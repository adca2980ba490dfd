using System.Reflection;

namespace PacsNode.Host.Commands;

/// <summary><c>pacsnode version</c> (also <c>--version</c>): prints the program version.</summary>
internal sealed class VersionCommand : ICommand
{
    public const string CommandName = "version";

    public string Name => CommandName;

    public string Summary => "Print the version (also: pacsnode --version)";

    public string Usage => "version";

    /// <summary>The informational version of this build, for example <c>0.1.0+3f2a…</c>.</summary>
    public static string Version { get; } =
        typeof(VersionCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(VersionCommand).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        if (args.Length != 0)
        {
            throw new UsageException($"unexpected argument '{args[0]}'");
        }

        await Console.Out.WriteLineAsync($"pacsnode {Version}".AsMemory(), cancellationToken);
        return ExitCodes.Ok;
    }
}
