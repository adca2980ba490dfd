using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO;
using PacsNode.Interop.Tests.Dicom;
using PacsNode.Storage.Index;
using PacsNode.Storage.Queries;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Interop.Tests.Node;

/// <summary>
/// `pacsnode serve` as a Storage SCP for DCMTK: echoscu succeeds, storescu's PET series (uncompressed) and GE PET
/// slice (JPEG Lossless) are acknowledged, and after the node has stopped every acknowledged instance is on disk
/// with the dataset dcmdump lists for the original, and in the index.
/// </summary>
[Trait("Category", "Interop")]
public sealed class NodeStoreInteropTests
{
    [Fact]
    public async Task Serve_StorescuSeries_EveryAcknowledgedInstanceIsOnDiskAndIndexed()
    {
        RequiresTool.SharedTestData();
        string echoscu = RequiresTool.Dcmtk("echoscu");
        string storescu = RequiresTool.Dcmtk("storescu");
        string dcmdump = RequiresTool.Dcmtk("dcmdump");
        CancellationToken ct = TestContext.Current.CancellationToken;
        using var dir = new TempDirectory("node");
        int port = FreePort.Get();
        string data = dir.Combine("data");
        var environment = new Dictionary<string, string?>
        {
            ["PACSNODE__STORAGE__DATAFOLDER"] = data,
            ["PACSNODE__LISTENER__PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        string[] files =
        [
            .. Directory.GetFiles(TestData.Path("ibsi-suv-dro", "DRO", "DRO_0_0", "PT"), "*.dcm").Order(StringComparer.Ordinal),
            TestData.Path("fo-dicom", "GH184.dcm"),
        ];

        await using (RunningTool node = PacsNodeCli.Start(["serve"], new ToolRunOptions { Environment = environment }))
        {
            await node.WaitForOutputAsync("accepting associations", ct);
            string portText = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            (await ExternalTool.RunAsync(echoscu, ["-aec", "PACSNODE", "127.0.0.1", portText], cancellationToken: ct)).AssertSuccess();
            ToolResult store = await ExternalTool.RunAsync(storescu, ["-xs", "-aec", "PACSNODE", "127.0.0.1", portText, .. files], cancellationToken: ct);
            store.AssertSuccess();
            Assert.DoesNotContain("E:", store.StandardError, StringComparison.Ordinal);
            node.Terminate();
            await node.WaitForExitAsync(ct);
        }

        // Every instance is in the index, and its file holds the dataset the original holds (dcmdump outside group 0002).
        var database = IndexDatabase.Open(Path.Combine(data, "index.sqlite"));
        var query = new QueryService(database);
        foreach (string original in files)
        {
            DicomFile read = await DicomFile.OpenAsync(original, new DicomReaderOptions { StopAtTag = DicomTag.PixelData }, ct);
            var identifier = new DicomDataset();
            identifier.SetString(DicomTag.QueryRetrieveLevel, DicomVR.CS, "IMAGE");
            identifier.SetString(DicomTag.StudyInstanceUID, DicomVR.UI, read.Dataset.GetString(DicomTag.StudyInstanceUID)!);
            identifier.SetString(DicomTag.SeriesInstanceUID, DicomVR.UI, read.Dataset.GetString(DicomTag.SeriesInstanceUID)!);
            identifier.SetString(DicomTag.SOPInstanceUID, DicomVR.UI, read.Dataset.GetString(DicomTag.SOPInstanceUID)!);
            RetrieveInstance stored = Assert.Single(await query.FindInstancesForRetrieveAsync(identifier, ct));
            Assert.True(File.Exists(stored.FilePath), stored.FilePath);
            List<DumpLine> expected = DcmdumpListing.Comparable(await DumpAsync(dcmdump, original, ct), dropPrivate: false);
            List<DumpLine> actual = DcmdumpListing.Comparable(await DumpAsync(dcmdump, stored.FilePath, ct), dropPrivate: false);
            Assert.Equal(expected.Select(DcmdumpListing.Normalise), actual.Select(DcmdumpListing.Normalise));
        }
    }

    private static async Task<List<DumpLine>> DumpAsync(string dcmdump, string file, CancellationToken ct)
    {
        ToolResult dump = (await ExternalTool.RunAsync(dcmdump, ["-q", "+L", file], new ToolRunOptions { LogToTestOutput = false }, ct)).AssertSuccess();
        return DcmdumpListing.Parse(dump.StandardOutput);
    }
}
