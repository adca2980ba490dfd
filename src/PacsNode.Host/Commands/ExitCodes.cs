namespace PacsNode.Host.Commands;

/// <summary>The exit codes of the <c>pacsnode</c> program.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Ok = 0;

    /// <summary>Bad input or a failed operation; a one-line message is on stderr.</summary>
    public const int Failure = 1;

    /// <summary>
    /// The command line itself is wrong (the usage is on stderr), or a setting is invalid (one line naming it).
    /// </summary>
    public const int Usage = 2;

    /// <summary>Stopped by SIGINT or SIGTERM before the command finished (128 + SIGINT, as shells report it).</summary>
    public const int Cancelled = 130;
}
