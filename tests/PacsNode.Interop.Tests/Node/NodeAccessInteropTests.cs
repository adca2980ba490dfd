using PacsNode.TestKit;
using Xunit;
using static PacsNode.Interop.Tests.Node.NodeTools;

namespace PacsNode.Interop.Tests.Node;

/// <summary>
/// Access control of <c>pacsnode serve</c> as DCMTK sees it: the calling AE allow-list (A-ASSOCIATE-RJ reason 3), the
/// called AE title (reason 7), and user identity negotiation required by configuration (storescu <c>-usr/-pwd</c>).
/// </summary>
[Trait("Category", "Interop")]
public sealed class NodeAccessInteropTests
{
    [Fact]
    public async Task AllowList_UnknownCallingAe_IsRejectedWithReason3AndAKnownOneIsServed()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        using var dir = new TempDirectory("access-ae");
        await using PacsNodeServer node = await PacsNodeServer.StartAsync(dir.Combine("data"),
            new Dictionary<string, string?> { ["PacsNode__Access__AllowedCallingAeTitles__0"] = "FRIEND" }, cancellationToken: ct);

        ToolResult stranger = await EchoscuAsync(node, ct, "-aet", "STRANGER");
        ToolResult friend = await EchoscuAsync(node, ct, "-aet", "FRIEND");
        ToolResult ours = await PacsNodeCli.RunAsync(["echo", node.Address, "--aet", "STRANGER"], cancellationToken: ct);
        ToolResult wrongCalled = await ExternalTool.RunAsync(RequiresTool.Dcmtk("echoscu"),
            ["-aet", "FRIEND", "-aec", "SOMEONE", "127.0.0.1", node.PortText], cancellationToken: ct);

        Assert.NotEqual(0, stranger.ExitCode);
        Assert.Contains("Calling AE Title Not Recognized", stranger.StandardError + stranger.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Rejected Permanent", stranger.StandardError + stranger.StandardOutput, StringComparison.Ordinal);
        friend.AssertSuccess();
        Assert.Equal(1, ours.ExitCode);
        Assert.Contains("source ServiceUser, reason 3: calling AE title not recognized", ours.StandardError, StringComparison.Ordinal);
        Assert.Contains("Called AE Title Not Recognized", wrongCalled.StandardError + wrongCalled.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UserIdentityRequired_OnlyAConfiguredUserAndPasscodeAssociates()
    {
        RequiresTool.SharedTestData();
        string storescu = RequiresTool.Dcmtk("storescu");
        CancellationToken ct = TestContext.Current.CancellationToken;
        using var dir = new TempDirectory("access-user");
        string file = TestData.Path("fo-dicom", "GH184.dcm");
        await using PacsNodeServer node = await PacsNodeServer.StartAsync(dir.Combine("data"), new Dictionary<string, string?>
        {
            ["PacsNode__Access__UserIdentity"] = "Require",
            ["PacsNode__Access__Users__0"] = "alice/s3cret",
        }, cancellationToken: ct);

        Task<ToolResult> StoreAsync(params string[] identity) => ExternalTool.RunAsync(storescu,
            [.. identity, "-xs", "-aec", node.AeTitle, "127.0.0.1", node.PortText, file], cancellationToken: ct);
        ToolResult right = await StoreAsync("-usr", "alice", "-pwd", "s3cret", "-rsp");
        ToolResult wrong = await StoreAsync("-usr", "alice", "-pwd", "guess");
        ToolResult none = await StoreAsync();
        ToolResult ours = await PacsNodeCli.RunAsync(["echo", node.Address, "--user", "alice/s3cret"], cancellationToken: ct);
        ToolResult oursWrong = await PacsNodeCli.RunAsync(["echo", node.Address, "--user", "mallory/s3cret"], cancellationToken: ct);

        right.AssertSuccess();
        Assert.DoesNotContain("E:", right.StandardError, StringComparison.Ordinal);
        Assert.NotEqual(0, wrong.ExitCode);
        Assert.Contains("Association Rejected", wrong.StandardError + wrong.StandardOutput, StringComparison.Ordinal);
        Assert.NotEqual(0, none.ExitCode);
        ours.AssertSuccess();
        Assert.Equal(1, oursWrong.ExitCode);
    }
}
