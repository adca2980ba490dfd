using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO;
using PacsNode.Storage.Index;
using PacsNode.Storage.Queries;
using PacsNode.TestKit;
using Xunit;
using static PacsNode.Interop.Tests.Node.NodeTools;

namespace PacsNode.Interop.Tests.Node;

/// <summary>
/// <c>pacsnode echo</c> and <c>pacsnode send</c> against DCMTK's storescp (what storescp writes equals the original,
/// by dcmdump) and against <c>pacsnode serve</c> (every instance indexed), and their failure reporting.
/// </summary>
[Trait("Category", "Interop")]
public sealed class NodeCliInteropTests
{
    private static string[] MixedFiles =>
    [
        .. Directory.GetFiles(TestData.Path("ibsi-suv-dro", "DRO", "DRO_0_0", "PT"), "*.dcm").Order(StringComparer.Ordinal).Take(5),
        TestData.Path("ibsi-suv-dro", "DRO", "DRO_0_0", "RS", Path.GetFileName(Directory.GetFiles(TestData.Path("ibsi-suv-dro", "DRO", "DRO_0_0", "RS"))[0])),
        TestData.Path("fo-dicom", "GH184.dcm"),
    ];

    [Fact]
    public async Task EchoAndSend_ToStorescp_EveryFileStorescpWroteEqualsItsOriginal()
    {
        RequiresTool.SharedTestData();
        string storescp = RequiresTool.Dcmtk("storescp");
        CancellationToken ct = TestContext.Current.CancellationToken;
        using var dir = new TempDirectory("send-storescp");
        Directory.CreateDirectory(dir.Combine("in"));
        Directory.CreateDirectory(dir.Combine("out"));
        string[] files = MixedFiles;
        foreach (string file in files)
        {
            File.Copy(file, dir.Combine("in", Path.GetFileName(file)));
        }

        int port = FreePort.Get();
        await using RunningTool peer = ExternalTool.Start(storescp, ["+xa", "-aet", "STORESCP", "-od", dir.Combine("out"), Text(port)]);
        string address = $"STORESCP@127.0.0.1:{Text(port)}";

        ToolResult echo = await UntilSuccessAsync(() => PacsNodeCli.RunAsync(["echo", address], cancellationToken: ct), ct);
        ToolResult send = await PacsNodeCli.RunAsync(["send", dir.Combine("in"), "--to", address, "--aet", "SENDER"], cancellationToken: ct);

        echo.AssertSuccess();
        Assert.Contains($"C-ECHO to {address}: Success", echo.StandardOutput, StringComparison.Ordinal);
        send.AssertSuccess();
        Assert.Contains($"{files.Length} succeeded (0 with warnings), 0 failed", send.StandardOutput, StringComparison.Ordinal);
        string[] written = Directory.GetFiles(dir.Combine("out"));
        Assert.Equal(files.Length, written.Length);
        var bySop = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string path in written)
        {
            DicomFile file = await DicomFile.OpenAsync(path, new DicomReaderOptions { StopAtTag = DicomTag.PixelData }, ct);
            bySop[file.Dataset.GetString(DicomTag.SOPInstanceUID)!] = path;
        }

        foreach (string original in files)
        {
            DicomFile file = await DicomFile.OpenAsync(original, new DicomReaderOptions { StopAtTag = DicomTag.PixelData }, ct);
            string received = bySop[file.Dataset.GetString(DicomTag.SOPInstanceUID)!];
            Assert.Equal(await ComparableDumpAsync(original, ct), await ComparableDumpAsync(received, ct));
        }
    }

    [Fact]
    public async Task Send_ToServe_EveryInstanceIsIndexedAndARepeatIsAWarning()
    {
        RequiresTool.SharedTestData();
        CancellationToken ct = TestContext.Current.CancellationToken;
        using var dir = new TempDirectory("send-serve");
        string[] files = MixedFiles;

        ToolResult first, again, echo;
        await using (PacsNodeServer node = await PacsNodeServer.StartAsync(dir.Combine("data"), cancellationToken: ct))
        {
            echo = await PacsNodeCli.RunAsync(["echo", node.Address], cancellationToken: ct);
            first = await PacsNodeCli.RunAsync(["send", .. files, "--to", node.Address, "-v"], cancellationToken: ct);
            again = await PacsNodeCli.RunAsync(["send", .. files, "--to", node.Address, "-v"], cancellationToken: ct);
            Assert.Equal(0, (await node.StopAsync(ct)).ExitCode);
        }

        echo.AssertSuccess();
        first.AssertSuccess();
        again.AssertSuccess();
        Assert.Equal(files.Length, first.StandardOutput.Split('\n').Count(l => l.StartsWith("0000 (Success) ", StringComparison.Ordinal)));
        // Keep (the default duplicate policy): the stored copy stays, the repeat is answered B006, a warning.
        Assert.Contains($"{files.Length} succeeded ({files.Length} with warnings), 0 failed", again.StandardOutput, StringComparison.Ordinal);
        var query = new QueryService(IndexDatabase.Open(Path.Combine(dir.Combine("data"), "index.sqlite")));
        foreach (string original in files)
        {
            DicomFile file = await DicomFile.OpenAsync(original, new DicomReaderOptions { StopAtTag = DicomTag.PixelData }, ct);
            var identifier = new DicomDataset();
            identifier.SetString(DicomTag.QueryRetrieveLevel, DicomVR.CS, "IMAGE");
            identifier.SetString(DicomTag.StudyInstanceUID, DicomVR.UI, file.Dataset.GetString(DicomTag.StudyInstanceUID)!);
            identifier.SetString(DicomTag.SeriesInstanceUID, DicomVR.UI, file.Dataset.GetString(DicomTag.SeriesInstanceUID)!);
            identifier.SetString(DicomTag.SOPInstanceUID, DicomVR.UI, file.Dataset.GetString(DicomTag.SOPInstanceUID)!);
            RetrieveInstance stored = Assert.Single(await query.FindInstancesForRetrieveAsync(identifier, ct));
            Assert.Equal(await ComparableDumpAsync(original, ct), await ComparableDumpAsync(stored.FilePath, ct));
        }
    }

    [Fact]
    public async Task Send_NotDicomAndNoPeer_ReportEachFailureAndExitOne()
    {
        RequiresTool.SharedTestData();
        CancellationToken ct = TestContext.Current.CancellationToken;
        using var dir = new TempDirectory("send-fail");
        string junk = dir.Combine("junk.dcm");
        await File.WriteAllTextAsync(junk, "not dicom", ct);

        await using PacsNodeServer node = await PacsNodeServer.StartAsync(dir.Combine("data"), cancellationToken: ct);
        ToolResult mixed = await PacsNodeCli.RunAsync(["send", junk, TestData.Path("fo-dicom", "GH184.dcm"), "--to", node.Address],
            cancellationToken: ct);
        ToolResult nobody = await PacsNodeCli.RunAsync(["echo", $"NOBODY@127.0.0.1:{Text(FreePort.Get())}"], cancellationToken: ct);

        Assert.Equal(1, mixed.ExitCode);
        Assert.Contains("1 succeeded (0 with warnings), 1 failed", mixed.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"pacsnode send: {junk}:", mixed.StandardError, StringComparison.Ordinal);
        Assert.Equal(1, nobody.ExitCode);
        Assert.Contains("cannot connect", nobody.StandardError, StringComparison.Ordinal);
    }
}
