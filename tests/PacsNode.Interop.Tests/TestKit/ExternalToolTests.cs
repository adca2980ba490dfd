using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Interop.Tests.TestKit;

/// <summary>The process runner every interop test relies on; uses only /bin/sh.</summary>
public sealed class ExternalToolTests
{
    private const string Shell = "/bin/sh";

    [Fact]
    public async Task RunAsync_StandardInput_ReachesTheProgram()
    {
        Assert.SkipUnless(File.Exists(Shell), "needs /bin/sh");

        var result = await ExternalTool.RunAsync(
            Shell, ["-c", "cat; echo oops >&2; exit 3"], new ToolRunOptions { StandardInput = "hello\n" }, Token);

        Assert.Equal(3, result.ExitCode);
        Assert.Equal("hello\n", result.StandardOutput);
        Assert.Equal("oops\n", result.StandardError);
    }

    [Fact]
    public async Task RunAsync_RunsPastItsTimeout_KillsItAndThrowsTimeout()
    {
        Assert.SkipUnless(File.Exists(Shell), "needs /bin/sh");
        var options = new ToolRunOptions { Timeout = TimeSpan.FromMilliseconds(300) };

        var error = await Assert.ThrowsAsync<TimeoutException>(
            () => ExternalTool.RunAsync(Shell, ["-c", "echo started; sleep 30"], options, Token));

        Assert.Contains("started", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_Dispose_KillsTheProcessTree()
    {
        Assert.SkipUnless(File.Exists(Shell), "needs /bin/sh");
        int childId;
        await using (var tool = ExternalTool.Start(Shell, ["-c", "sleep 30 & echo $!; wait"]))
        {
            await tool.WaitForOutputAsync("\n", Token);
            childId = int.Parse(tool.StandardOutput.Trim(), System.Globalization.CultureInfo.InvariantCulture);
        }

        Assert.False(Directory.Exists($"/proc/{childId}") && !IsZombie(childId), $"child {childId} survived");
    }

    [Fact]
    public async Task Environment_NullValue_RemovesTheVariable()
    {
        Assert.SkipUnless(File.Exists(Shell), "needs /bin/sh");
        var options = new ToolRunOptions
        {
            Environment = new Dictionary<string, string?> { ["HOME"] = null, ["PACSNODE_PROBE"] = "set" },
        };

        var result = await ExternalTool.RunAsync(Shell, ["-c", "echo \"${HOME:-none} $PACSNODE_PROBE\""], options, Token);

        Assert.Equal("none set\n", result.StandardOutput);
    }

    [Fact]
    public void FreePort_Get_ReturnsAnUnprivilegedPort()
    {
        Assert.InRange(FreePort.Get(), 1024, 65535);
    }

    [Fact]
    public void TempDirectory_Dispose_RemovesTheFolderAndItsContents()
    {
        string path;
        using (var temp = new TempDirectory())
        {
            path = temp.FullPath;
            File.WriteAllText(temp.Combine("file.txt"), "x");
            Directory.CreateDirectory(temp.Combine("sub"));
        }

        Assert.False(Directory.Exists(path));
    }

    [Fact]
    public void TestData_AllPart10Files_AreDcmOrStartWithThePreamble()
    {
        RequiresTool.SharedTestData();

        var files = TestData.AllPart10Files();

        Assert.NotEmpty(files);
        Assert.All(files, file => Assert.True(
            file.EndsWith(".dcm", StringComparison.OrdinalIgnoreCase) || TestData.HasPart10Preamble(file), file));
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static bool IsZombie(int processId)
    {
        var status = $"/proc/{processId}/status";
        return File.Exists(status) && File.ReadAllText(status).Contains("State:\tZ", StringComparison.Ordinal);
    }
}
