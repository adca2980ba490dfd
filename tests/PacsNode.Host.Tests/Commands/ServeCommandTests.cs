using System.Diagnostics;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Host.Tests.Commands;

/// <summary><c>pacsnode serve</c> in a separate process, on a free port and a temporary data folder.</summary>
public sealed class ServeCommandTests : IDisposable
{
    private static readonly TimeSpan StopBudget = TimeSpan.FromSeconds(5);

    private readonly TempDirectory _temp = new("serve");

    [Fact]
    public async Task Serve_Sigterm_LogsListenerPlaceholderThenStopsCleanly()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "SIGTERM is a Unix signal");
        var cancellationToken = TestContext.Current.CancellationToken;
        var port = FreePort.Get();
        await using var node = PacsNodeCli.Start(["serve"], Options(("PACSNODE__LISTENER__PORT", $"{port}")));

        await node.WaitForOutputAsync("accepting associations", cancellationToken);
        var stopwatch = Stopwatch.StartNew();
        node.Terminate();
        var result = await node.WaitForExitAsync(cancellationToken);

        Assert.Equal(0, result.ExitCode);
        Assert.InRange(stopwatch.Elapsed, TimeSpan.Zero, StopBudget);
        Assert.Contains($"127.0.0.1:{port}", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("DICOM listener stopped", result.StandardOutput, StringComparison.Ordinal);
        Assert.True(Directory.Exists(_temp.Combine("data")));
        Assert.Empty(result.StandardError);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("70000")]
    public async Task Serve_PortOutOfRange_ExitsTwoWithOneLineNamingThePort(string port)
    {
        var result = await PacsNodeCli.RunAsync(
            ["serve"], Options(("PACSNODE__LISTENER__PORT", port)), TestContext.Current.CancellationToken);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("PacsNode:Listener:Port", result.StandardError, StringComparison.Ordinal);
        Assert.Single(result.StandardError.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public async Task Serve_AeTitleTooLong_ExitsTwoNamingTheAeTitle()
    {
        var result = await PacsNodeCli.RunAsync(
            ["serve"],
            Options(("PACSNODE__LISTENER__AETITLE", "SEVENTEEN_CHARS_A")),
            TestContext.Current.CancellationToken);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("PacsNode:Listener:AeTitle", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_StableSeconds_PipelineRunsWithThatQuietTimeAndTheNodeServes()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "SIGTERM is a Unix signal");
        var cancellationToken = TestContext.Current.CancellationToken;
        var port = FreePort.Get();
        await using var node = PacsNodeCli.Start(["serve", "--stable-seconds", "5"], Options(("PACSNODE__LISTENER__PORT", $"{port}")));

        await node.WaitForOutputAsync("quiet time 5 s", cancellationToken);
        await node.WaitForOutputAsync("accepting associations", cancellationToken);
        node.Terminate();
        var result = await node.WaitForExitAsync(cancellationToken);

        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public async Task Serve_MissingConfigFile_ExitsTwoNamingTheFile()
    {
        var result = await PacsNodeCli.RunAsync(
            ["serve", "--config", "missing.json"], Options(), TestContext.Current.CancellationToken);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("missing.json", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_UnknownOption_ExitsTwoWithServeUsage()
    {
        var result = await PacsNodeCli.RunAsync(["serve", "--bogus"], Options(), TestContext.Current.CancellationToken);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("usage: pacsnode serve", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_ConfigFile_OverridesTheEmbeddedAeTitle()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "SIGTERM is a Unix signal");
        var cancellationToken = TestContext.Current.CancellationToken;
        var config = _temp.Combine("node.json");
        await File.WriteAllTextAsync(
            config, """{ "PacsNode": { "Listener": { "AeTitle": "FROMFILE" } } }""", cancellationToken);
        var port = FreePort.Get();
        await using var node = PacsNodeCli.Start(
            ["serve", "--config", config], Options(("PACSNODE__LISTENER__PORT", $"{port}")));

        await node.WaitForOutputAsync("accepting associations", cancellationToken);
        node.Terminate();
        var result = await node.WaitForExitAsync(cancellationToken);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("AE title FROMFILE", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_CommandLineValues_OverrideTheConfigurationAndTheEnvironment()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "SIGTERM is a Unix signal");
        var cancellationToken = TestContext.Current.CancellationToken;
        var port = FreePort.Get();
        var data = _temp.Combine("cli-data");
        await using var node = PacsNodeCli.Start(
            ["serve", "--ae", "FROMCLI", "--port", $"{port}", "--data", data, "--remote", "VIEWER@127.0.0.1:104"],
            Options(("PACSNODE__LISTENER__PORT", "1"), ("PacsNode__Listener__AeTitle", "FROMENV")));

        await node.WaitForOutputAsync("accepting associations", cancellationToken);
        node.Terminate();
        var result = await node.WaitForExitAsync(cancellationToken);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"AE title FROMCLI on 127.0.0.1:{port}", result.StandardOutput, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(data, "index.sqlite")));
    }

    [Theory]
    [InlineData("--port", "abc", "--port 'abc'")]
    [InlineData("--port", "0", "--port '0'")]
    [InlineData("--ae", "BACK\\SLASH", "--ae")]
    [InlineData("--remote", "VIEWER@host", "--remote 'VIEWER@host'")]
    [InlineData("--remote", "VIEWER@host:99999", "--remote 'VIEWER@host:99999'")]
    [InlineData("--stable-seconds", "-1", "--stable-seconds '-1'")]
    [InlineData("--stable-seconds", "86401", "--stable-seconds '86401'")]
    public async Task Serve_BadCommandLineValue_ExitsTwoWithOneLineNamingIt(string option, string value, string expected)
    {
        var result = await PacsNodeCli.RunAsync(["serve", option, value], Options(), TestContext.Current.CancellationToken);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.StandardError, StringComparison.Ordinal);
        Assert.Single(result.StandardError.TrimEnd('\n').Split('\n'));
    }

    [Theory]
    [InlineData("PACSNODE__ACCESS__ALLOWEDHOSTS__0", "10.0.0.0/33", "PacsNode:Access:AllowedHosts")]
    [InlineData("PACSNODE__ACCESS__USERIDENTITY", "Require", "PacsNode:Access:Users")]
    [InlineData("PACSNODE__TLS__PORT", "11113", "PacsNode:Tls:CertificateFile")]
    [InlineData("PACSNODE__LISTENER__MAXASSOCIATIONS", "0", "PacsNode:Listener:MaxAssociations")]
    [InlineData("PACSNODE__REMOTES__0__AETITLE", "VIEWER", "PacsNode:Remotes:0:Host")]
    [InlineData("PACSNODE__PIPELINE__FORWARDDEFAULT__0", "NOWHERE", "PacsNode:Pipeline:ForwardDefault")]
    public async Task Serve_BadSetting_ExitsTwoNamingTheKey(string variable, string value, string key)
    {
        var result = await PacsNodeCli.RunAsync(["serve"], Options((variable, value)), TestContext.Current.CancellationToken);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(key, result.StandardError, StringComparison.Ordinal);
        Assert.Single(result.StandardError.TrimEnd('\n').Split('\n'));
    }

    public void Dispose() => _temp.Dispose();

    /// <summary>Runs in the temp folder with its own data folder, so nothing touches the checkout.</summary>
    private ToolRunOptions Options(params (string Name, string Value)[] environment)
    {
        var variables = new Dictionary<string, string?>
        {
            ["PACSNODE__STORAGE__DATAFOLDER"] = _temp.Combine("data"),
        };
        foreach (var (name, value) in environment)
        {
            variables[name] = value;
        }

        return new ToolRunOptions
        {
            WorkingDirectory = _temp.FullPath,
            Environment = variables,
            Timeout = TimeSpan.FromSeconds(60),
        };
    }
}
