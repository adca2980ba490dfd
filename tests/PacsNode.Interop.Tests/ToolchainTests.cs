using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Interop.Tests;

/// <summary>
/// The Debian peers that scripts/test.sh installs are usable from the tests. Skipped when a tool is missing, unless
/// PACSNODE_REQUIRE_TOOLS=1 (set by test.sh once it has installed them).
/// </summary>
[Trait("Category", "Interop")]
public sealed class ToolchainTests
{
    [Fact]
    public async Task Dcmdump_Version_NamesDcmtk()
    {
        var dcmdump = RequiresTool.Dcmtk("dcmdump");

        var result = await ExternalTool.RunAsync(dcmdump, ["--version"], cancellationToken: Token);

        Assert.Contains("dcmtk", result.StandardOutput, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Dciodvfy_NoArguments_PrintsItsUsage()
    {
        var dciodvfy = RequiresTool.OnPath("dciodvfy", "dicom3tools");

        var result = await ExternalTool.RunAsync(dciodvfy, [], cancellationToken: Token);

        Assert.NotEmpty(result.StandardOutput + result.StandardError);
    }

    [Fact]
    public async Task DebianPython_ScientificStack_Imports()
    {
        var python = await RequiresTool.PydicomAsync(Token);

        var result = await python.RunScriptAsync(
            "import sys, pydicom, numpy, scipy; print(pydicom.__version__, numpy.__version__, sys.argv[1])",
            ["marker"],
            cancellationToken: Token);

        result.AssertSuccess();
        Assert.Contains("marker", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Orthanc_Version_Runs()
    {
        var orthanc = RequiresTool.OnPath("Orthanc", "orthanc");

        var result = await ExternalTool.RunAsync(orthanc, ["--version"], cancellationToken: Token);

        result.AssertSuccess();
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;
}
