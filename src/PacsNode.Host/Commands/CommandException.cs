namespace PacsNode.Host.Commands;

/// <summary>Bad input or a failed operation, reported as one line on stderr. Exit code 1.</summary>
internal sealed class CommandException : Exception
{
    public CommandException()
    {
    }

    public CommandException(string message)
        : base(message)
    {
    }

    public CommandException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
