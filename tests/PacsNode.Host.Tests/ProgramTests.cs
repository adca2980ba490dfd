using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Host.Tests;

/// <summary>The pacsnode program as a user runs it: a separate process, exit codes, stdout and stderr.</summary>
public sealed class ProgramTests
{
    [Fact]
    public async Task Main_VersionFlag_PrintsVersionAndExitsZero()
    {
        var result = await PacsNodeCli.RunAsync(["--version"], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("pacsnode ", result.StandardOutput, StringComparison.Ordinal);
        Assert.Empty(result.StandardError);
    }

    [Fact]
    public async Task Main_UnknownCommand_ExitsTwoWithUsageOnStderr()
    {
        var result = await PacsNodeCli.RunAsync(["frobnicate"], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unknown command 'frobnicate'", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("usage: pacsnode", result.StandardError, StringComparison.Ordinal);
        Assert.Empty(result.StandardOutput);
    }

    [Fact]
    public async Task Main_NoArguments_ExitsTwoWithUsageOnStderr()
    {
        var result = await PacsNodeCli.RunAsync([], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("usage: pacsnode", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Main_Help_ListsServeOnStdoutAndExitsZero()
    {
        var result = await PacsNodeCli.RunAsync(["help"], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("serve", result.StandardOutput, StringComparison.Ordinal);
    }
}
