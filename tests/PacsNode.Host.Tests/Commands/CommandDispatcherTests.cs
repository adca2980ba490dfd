using PacsNode.Host.Commands;
using Xunit;

namespace PacsNode.Host.Tests.Commands;

public sealed class CommandDispatcherTests : IDisposable
{
    private readonly StringWriter _stdout = new();
    private readonly StringWriter _stderr = new();

    [Fact]
    public async Task RunAsync_NoArguments_PrintsUsageAndReturnsTwo()
    {
        var exitCode = await RunAsync([], new FakeCommand("echo", _ => ExitCodes.Ok));

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("usage: pacsnode <command>", _stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains("echo", _stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_UnknownCommand_NamesItAndReturnsTwo()
    {
        var exitCode = await RunAsync(["nope"], new FakeCommand("echo", _ => ExitCodes.Ok));

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("unknown command 'nope'", _stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_KnownCommand_PassesTheRemainingArgumentsAndItsExitCode()
    {
        string[]? seen = null;
        var command = new FakeCommand("echo", args =>
        {
            seen = args;
            return 7;
        });

        var exitCode = await RunAsync(["echo", "a", "b"], command);

        Assert.Equal(7, exitCode);
        Assert.Equal(["a", "b"], seen ?? []);
    }

    [Fact]
    public async Task RunAsync_CommandThrowsUsageException_PrintsCommandUsageAndReturnsTwo()
    {
        var exitCode = await RunAsync(["echo"], new FakeCommand("echo", _ => throw new UsageException("bad flag")));

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Equal("pacsnode echo: bad flag\nusage: pacsnode echo [ARGS]\n", _stderr.ToString());
    }

    [Fact]
    public async Task RunAsync_CommandThrowsCommandException_PrintsOneLineAndReturnsOne()
    {
        var command = new FakeCommand("echo", _ => throw new CommandException("input is broken\nsecond line"));

        var exitCode = await RunAsync(["echo"], command);

        Assert.Equal(ExitCodes.Failure, exitCode);
        Assert.Equal("pacsnode echo: input is broken second line\n", _stderr.ToString());
    }

    [Fact]
    public async Task RunAsync_CommandThrowsFileNotFound_ReturnsOneWithoutStackTrace()
    {
        var command = new FakeCommand("echo", _ => throw new FileNotFoundException("no such file: x.dcm"));

        var exitCode = await RunAsync(["echo"], command);

        Assert.Equal(ExitCodes.Failure, exitCode);
        Assert.Equal("pacsnode echo: no such file: x.dcm\n", _stderr.ToString());
    }

    [Fact]
    public async Task RunAsync_CommandHasABug_ExceptionPropagates()
    {
        var command = new FakeCommand("echo", _ => throw new InvalidCastException("bug"));

        await Assert.ThrowsAsync<InvalidCastException>(() => RunAsync(["echo"], command));
    }

    [Theory]
    [InlineData("--version", "version")]
    [InlineData("-V", "version")]
    [InlineData("--help", "help")]
    [InlineData("-h", "help")]
    public async Task RunAsync_FlagAlias_RunsTheNamedCommand(string flag, string commandName)
    {
        var ran = false;
        var command = new FakeCommand(commandName, _ =>
        {
            ran = true;
            return ExitCodes.Ok;
        });

        var exitCode = await RunAsync([flag], command);

        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.True(ran);
    }

    [Fact]
    public void Registry_Commands_HaveUniqueNonEmptyNames()
    {
        var names = CommandRegistry.Commands.Select(command => command.Name).ToList();

        Assert.All(names, name => Assert.False(string.IsNullOrWhiteSpace(name)));
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains("serve", names);
    }

    public void Dispose()
    {
        _stdout.Dispose();
        _stderr.Dispose();
    }

    private Task<int> RunAsync(string[] args, params ICommand[] commands) =>
        CommandDispatcher.RunAsync(args, commands, _stdout, _stderr, TestContext.Current.CancellationToken);

    private sealed class FakeCommand(string name, Func<string[], int> run) : ICommand
    {
        public string Name => name;

        public string Summary => $"the {name} command";

        public string Usage => $"{name} [ARGS]";

        public Task<int> RunAsync(string[] args, CancellationToken cancellationToken) => Task.FromResult(run(args));
    }
}
