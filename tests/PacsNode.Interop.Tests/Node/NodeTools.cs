using System.Globalization;
using PacsNode.Interop.Tests.Dicom;
using PacsNode.TestKit;

namespace PacsNode.Interop.Tests.Node;

/// <summary>DCMTK calls shared by the node's interop tests.</summary>
internal static class NodeTools
{
    public static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>echoscu against the node; the result, not asserted.</summary>
    public static Task<ToolResult> EchoscuAsync(PacsNodeServer node, CancellationToken ct, params string[] extra) =>
        ExternalTool.RunAsync(RequiresTool.Dcmtk("echoscu"), [.. extra, "-aec", node.AeTitle, "127.0.0.1", node.PortText],
            new ToolRunOptions { Timeout = TimeSpan.FromSeconds(60) }, ct);

    /// <summary>Retries <paramref name="probe"/> until it exits 0 (a peer that is still starting), at most ~10 s.</summary>
    public static async Task<ToolResult> UntilSuccessAsync(Func<Task<ToolResult>> probe, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var result = await probe();
            if (result.ExitCode == 0 || attempt >= 50)
            {
                return result;
            }

            await Task.Delay(200, ct);
        }
    }

    /// <summary>dcmdump's listing of a file, comparable across writers (no group 0002, lengths, or group lengths).</summary>
    public static async Task<List<string>> ComparableDumpAsync(string file, CancellationToken ct)
    {
        var dump = (await ExternalTool.RunAsync(RequiresTool.Dcmtk("dcmdump"), ["-q", "+L", file],
            new ToolRunOptions { LogToTestOutput = false }, ct)).AssertSuccess();
        return [.. DcmdumpListing.Comparable(DcmdumpListing.Parse(dump.StandardOutput), dropPrivate: false).Select(DcmdumpListing.Normalise)];
    }
}
