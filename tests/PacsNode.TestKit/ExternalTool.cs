namespace PacsNode.TestKit;

/// <summary>
/// Runs external programs (DCMTK tools, python3, pacsnode itself) from tests: arguments as a list, optional stdin,
/// a timeout, both outputs captured and written to the test output, and the process tree always killed at the end.
/// </summary>
public static class ExternalTool
{
    /// <summary>Starts a program and returns at once; dispose the result to kill whatever is left.</summary>
    public static RunningTool Start(string fileName, IEnumerable<string> arguments, ToolRunOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        ArgumentNullException.ThrowIfNull(arguments);
        return new RunningTool(fileName, arguments, options ?? new ToolRunOptions());
    }

    /// <summary>Runs a program to completion.</summary>
    /// <exception cref="TimeoutException">It ran past <see cref="ToolRunOptions.Timeout"/>; it has been killed.</exception>
    public static async Task<ToolResult> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        ToolRunOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        await using var tool = Start(fileName, arguments, options);
        return await tool.WaitForExitAsync(cancellationToken);
    }
}
