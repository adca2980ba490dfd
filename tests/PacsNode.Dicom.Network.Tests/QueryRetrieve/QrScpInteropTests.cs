using System.Globalization;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO;
using PacsNode.Dicom.Network.Scp;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Dicom.Network.Tests.QueryRetrieve;

/// <summary>DCMTK's findscu, movescu and getscu against our dispatcher serving real PET files.</summary>
[Trait("Category", "Interop")]
public sealed class QrScpInteropTests
{
    [Theory]
    [InlineData("-S", "STUDY")]
    [InlineData("-P", "PATIENT")]
    public async Task Findscu_Model_OneExtractedResponsePerEntity(string model, string level)
    {
        string findscu = RequiresTool.Dcmtk("findscu");
        RequiresTool.SharedTestData();
        CancellationToken ct = TestContext.Current.CancellationToken;
        string[] files = [.. QrDispatcherTests.DroSlices(2), TestData.Path("suyashkumar-dicom", "1.dcm"), TestData.Path("suyashkumar-dicom", "2.dcm")];
        var archive = await MemoryArchive.LoadAsync(files, ct);
        DicomTag unique = level == "STUDY" ? DicomTag.StudyInstanceUID : DicomTag.PatientID;
        string[] truth = [.. (await HeadersAsync(files, ct)).Select(h => h.GetString(unique)!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        await using var node = QrNode.Start(archive);
        using var output = new TempDirectory();

        ToolResult result = await ExternalTool.RunAsync(findscu,
            [model, "-aet", "FINDSCU", "-aec", "QRSCP", "-X", "-od", output.FullPath, "-k", $"QueryRetrieveLevel={level}",
                "-k", "PatientID", "-k", "PatientName", "-k", level == "STUDY" ? "StudyInstanceUID" : "PatientBirthDate",
                "127.0.0.1", Port(node)], null, ct);

        result.AssertSuccess();
        DicomDataset[] responses = await ExtractedAsync(output.FullPath, ct);
        Assert.Equal(truth, responses.Select(r => r.GetString(unique)!).Order(StringComparer.Ordinal));
        Assert.All(responses, r => Assert.Equal(level, r.GetString(DicomTag.QueryRetrieveLevel)));
    }

    [Fact]
    public async Task Findscu_CancelAfterOneResponse_TheQueryStopsEarly()
    {
        string findscu = RequiresTool.Dcmtk("findscu");
        RequiresTool.SharedTestData();
        CancellationToken ct = TestContext.Current.CancellationToken;
        var archive = await MemoryArchive.LoadAsync(QrDispatcherTests.DroSlices(20), ct, TimeSpan.FromMilliseconds(100));
        DicomDataset first = archive.Entries[0].Header;
        await using var node = QrNode.Start(archive);

        ToolResult result = await ExternalTool.RunAsync(findscu,
            ["-S", "-v", "--cancel", "1", "-aet", "FINDSCU", "-aec", "QRSCP", "-k", "QueryRetrieveLevel=IMAGE",
                "-k", $"StudyInstanceUID={first.GetString(DicomTag.StudyInstanceUID)}",
                "-k", $"SeriesInstanceUID={first.GetString(DicomTag.SeriesInstanceUID)}", "-k", "SOPInstanceUID",
                "127.0.0.1", Port(node)], null, ct);

        result.AssertSuccess();
        Assert.Contains("Cancel", result.StandardOutput + result.StandardError, StringComparison.Ordinal);
        Assert.InRange(archive.Enumerated, 1, 10);
    }

    [Fact]
    public async Task Movescu_SeriesToStorescp_EveryInstanceArrivesWithItsPixels()
    {
        string movescu = RequiresTool.Dcmtk("movescu");
        string storescp = RequiresTool.Dcmtk("storescp");
        RequiresTool.SharedTestData();
        CancellationToken ct = TestContext.Current.CancellationToken;
        string[] files = QrDispatcherTests.DroSlices(5);
        var archive = await MemoryArchive.LoadAsync(files, ct);
        DicomDataset first = archive.Entries[0].Header;
        using var received = new TempDirectory();
        int storePort = FreePort.Get();
        await using RunningTool destination = ExternalTool.Start(storescp,
            ["-aet", "STORESCP", "-od", received.FullPath, storePort.ToString(CultureInfo.InvariantCulture)]);
        await FreePort.WaitUntilListeningAsync(storePort, ct);
        archive.Destinations["STORESCP"] = new MoveDestination("STORESCP", "127.0.0.1", storePort);
        await using var node = QrNode.Start(archive);

        ToolResult result = await ExternalTool.RunAsync(movescu,
            ["-S", "-v", "-aet", "MOVESCU", "-aec", "QRSCP", "-aem", "STORESCP", "-k", "QueryRetrieveLevel=SERIES",
                "-k", $"StudyInstanceUID={first.GetString(DicomTag.StudyInstanceUID)}",
                "-k", $"SeriesInstanceUID={first.GetString(DicomTag.SeriesInstanceUID)}", "127.0.0.1", Port(node)], null, ct);

        result.AssertSuccess();
        await AssertSameInstancesAsync(files, Directory.GetFiles(received.FullPath), ct);
    }

    [Fact]
    public async Task Movescu_UnknownDestination_A801()
    {
        string movescu = RequiresTool.Dcmtk("movescu");
        RequiresTool.SharedTestData();
        CancellationToken ct = TestContext.Current.CancellationToken;
        var archive = await MemoryArchive.LoadAsync(QrDispatcherTests.DroSlices(1), ct);
        await using var node = QrNode.Start(archive);

        ToolResult result = await ExternalTool.RunAsync(movescu,
            ["-S", "-v", "-aet", "MOVESCU", "-aec", "QRSCP", "-aem", "NOWHERE", "-k", "QueryRetrieveLevel=STUDY",
                "-k", $"StudyInstanceUID={archive.Entries[0].Header.GetString(DicomTag.StudyInstanceUID)}", "127.0.0.1", Port(node)],
            null, ct);

        // DCMTK names the status from its own table of C.4.2.1.5 codes: A801 is "MoveDestinationUnknown".
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Received Final Move Response (Refused: MoveDestinationUnknown)", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Getscu_Series_EveryInstanceWrittenWithItsPixels()
    {
        string getscu = RequiresTool.Dcmtk("getscu");
        RequiresTool.SharedTestData();
        CancellationToken ct = TestContext.Current.CancellationToken;
        string[] files = QrDispatcherTests.DroSlices(4);
        var archive = await MemoryArchive.LoadAsync(files, ct);
        DicomDataset first = archive.Entries[0].Header;
        await using var node = QrNode.Start(archive);
        using var received = new TempDirectory();

        ToolResult result = await ExternalTool.RunAsync(getscu,
            ["-S", "-aet", "GETSCU", "-aec", "QRSCP", "-od", received.FullPath, "-k", "QueryRetrieveLevel=SERIES",
                "-k", $"StudyInstanceUID={first.GetString(DicomTag.StudyInstanceUID)}",
                "-k", $"SeriesInstanceUID={first.GetString(DicomTag.SeriesInstanceUID)}", "127.0.0.1", Port(node)], null, ct);

        result.AssertSuccess();
        await AssertSameInstancesAsync(files, Directory.GetFiles(received.FullPath), ct);
    }

    [Fact]
    public async Task Getscu_JpegLosslessStored_TranscodedToTheUncompressedSyntaxGetscuAccepts()
    {
        string getscu = RequiresTool.Dcmtk("getscu");
        string dcmdjpeg = RequiresTool.Dcmtk("dcmdjpeg");
        RequiresTool.SharedTestData();
        CancellationToken ct = TestContext.Current.CancellationToken;
        string jpeg = TestData.Path("fo-dicom", "GH184.dcm");
        var archive = await MemoryArchive.LoadAsync([jpeg], ct);
        Assert.Equal(DicomUid.JPEGLosslessSV1, archive.Entries[0].File.TransferSyntaxUid);
        await using var node = QrNode.Start(archive);
        using var received = new TempDirectory();
        string decodedByDcmtk = received.Combine("reference.dcm");
        (await ExternalTool.RunAsync(dcmdjpeg, [jpeg, decodedByDcmtk], null, ct)).AssertSuccess();
        string into = received.Combine("get");
        Directory.CreateDirectory(into);

        ToolResult result = await ExternalTool.RunAsync(getscu,
            ["-S", "-aet", "GETSCU", "-aec", "QRSCP", "-od", into, "-k", "QueryRetrieveLevel=IMAGE",
                "-k", $"StudyInstanceUID={archive.Entries[0].Header.GetString(DicomTag.StudyInstanceUID)}",
                "-k", $"SeriesInstanceUID={archive.Entries[0].Header.GetString(DicomTag.SeriesInstanceUID)}",
                "-k", $"SOPInstanceUID={archive.Entries[0].File.SopInstanceUid}", "127.0.0.1", Port(node)], null, ct);

        result.AssertSuccess();
        DicomFile got = await DicomFile.OpenAsync(Assert.Single(Directory.GetFiles(into)), null, ct);
        DicomFile reference = await DicomFile.OpenAsync(decodedByDcmtk, null, ct);
        Assert.False(got.TransferSyntax.IsEncapsulated);
        Assert.Equal(QrDispatcherTests.Pixels(reference.Dataset), QrDispatcherTests.Pixels(got.Dataset));
    }

    internal static async Task AssertSameInstancesAsync(IEnumerable<string> sent, IEnumerable<string> received, CancellationToken ct)
    {
        var originals = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (string path in sent)
        {
            DicomFile file = await DicomFile.OpenAsync(path, null, ct);
            originals[file.Dataset.GetString(DicomTag.SOPInstanceUID)!] = QrDispatcherTests.Pixels(file.Dataset);
        }

        var got = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (string path in received)
        {
            DicomFile file = await DicomFile.OpenAsync(path, null, ct);
            got[file.Dataset.GetString(DicomTag.SOPInstanceUID)!] = QrDispatcherTests.Pixels(file.Dataset);
        }

        Assert.Equal(originals.Keys.Order(StringComparer.Ordinal), got.Keys.Order(StringComparer.Ordinal));
        foreach ((string uid, byte[] pixels) in originals)
        {
            Assert.Equal(pixels, got[uid]);
        }
    }


    private static string Port(QrNode node) => node.Port.ToString(CultureInfo.InvariantCulture);

    private static async Task<List<DicomDataset>> HeadersAsync(IEnumerable<string> files, CancellationToken ct)
    {
        var headers = new List<DicomDataset>();
        foreach (string path in files)
        {
            headers.Add((await DicomFile.OpenAsync(path, new DicomReaderOptions { StopAtTag = DicomTag.PixelData }, ct)).Dataset);
        }

        return headers;
    }

    private static async Task<DicomDataset[]> ExtractedAsync(string folder, CancellationToken ct)
    {
        var responses = new List<DicomDataset>();
        foreach (string path in Directory.GetFiles(folder, "rsp*.dcm").Order(StringComparer.Ordinal))
        {
            responses.Add((await DicomFile.OpenAsync(path, null, ct)).Dataset);
        }

        return [.. responses];
    }
}
