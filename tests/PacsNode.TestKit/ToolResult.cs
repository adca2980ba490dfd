namespace PacsNode.TestKit;

/// <summary>What an external program did: its exit code and everything it wrote.</summary>
/// <param name="CommandLine">The program and its arguments, for messages.</param>
/// <param name="ExitCode">The exit code.</param>
/// <param name="StandardOutput">Everything written to stdout.</param>
/// <param name="StandardError">Everything written to stderr.</param>
/// <param name="Elapsed">Wall time from start to exit.</param>
public sealed record ToolResult(
    string CommandLine,
    int ExitCode,
    string StandardOutput,
    string StandardError,
    TimeSpan Elapsed)
{
    /// <summary>Fails the test unless the exit code is 0; the message carries both outputs.</summary>
    public ToolResult AssertSuccess()
    {
        if (ExitCode != 0)
        {
            Assert.Fail(
                $"'{CommandLine}' exited with {ExitCode}.\nstdout:\n{StandardOutput}\nstderr:\n{StandardError}");
        }

        return this;
    }
}
