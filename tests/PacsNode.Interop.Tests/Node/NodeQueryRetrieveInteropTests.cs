using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO;
using PacsNode.Dicom.Network.Dimse;
using PacsNode.Dicom.Network.Scp;
using PacsNode.Dicom.Network.Scu;
using PacsNode.Dicom.Network.Upper;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Interop.Tests.Node;

/// <summary>
/// `pacsnode serve` as a Query/Retrieve SCP for DCMTK, loaded with real PET files by storescu: findscu at every level
/// with single value, wildcard, date range and UID list matching; movescu to a storescp configured as a remote;
/// getscu into a folder; and the node's own find/move/get commands. Expected answers come from the files.
/// </summary>
[Trait("Category", "Interop")]
public sealed class NodeQueryRetrieveInteropTests
{
    [Fact]
    public async Task Findscu_EveryLevelAndMatchingKind_AnswersMatchTheFiles()
    {
        string findscu = RequiresTool.Dcmtk("findscu");
        RequiresTool.SharedTestData();
        CancellationToken ct = TestContext.Current.CancellationToken;
        string[] files = Files();
        List<DicomDataset> headers = await HeadersAsync(files, ct);
        DicomDataset dro = headers[0];
        DicomDataset ge = headers.Single(h => h.GetString(DicomTag.StudyDate) == "20141023");
        await using ServedNode node = await ServedNode.StartAsync(files, ct);

        async Task<List<DicomDataset>> FindAsync(string model, params string[] keys)
        {
            string into = node.Folder.Combine("find-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(into);
            (await ExternalTool.RunAsync(findscu, [model, "-aec", "PACSNODE", "-X", "-od", into, .. keys.SelectMany(k => new[] { "-k", k }),
                "127.0.0.1", node.PortText], cancellationToken: ct)).AssertSuccess();
            var answers = new List<DicomDataset>();
            foreach (string path in Directory.GetFiles(into, "rsp*.dcm"))
            {
                answers.Add((await DicomFile.OpenAsync(path, null, ct)).Dataset);
            }

            return answers;
        }

        // PATIENT, patient root, single value.
        List<DicomDataset> patients = await FindAsync("-P", "QueryRetrieveLevel=PATIENT", $"PatientID={dro.GetString(DicomTag.PatientID)}",
            "PatientName");
        Assert.Equal(dro.GetString(DicomTag.PatientName), Assert.Single(patients).GetString(DicomTag.PatientName));

        // STUDY, study root, wildcard on Patient Name.
        List<DicomDataset> wildcard = await FindAsync("-S", "QueryRetrieveLevel=STUDY", "PatientName=PETDRO*", "StudyInstanceUID");
        Assert.Equal(dro.GetString(DicomTag.StudyInstanceUID), Assert.Single(wildcard).GetString(DicomTag.StudyInstanceUID));

        // STUDY, date range: 2014-01-01 to 2015-12-31 holds the GE study only (the others are 1960 and 2025).
        List<DicomDataset> range = await FindAsync("-S", "QueryRetrieveLevel=STUDY", "StudyDate=20140101-20151231", "StudyInstanceUID");
        Assert.Equal(ge.GetString(DicomTag.StudyInstanceUID), Assert.Single(range).GetString(DicomTag.StudyInstanceUID));

        // STUDY, UID list of two studies (hierarchical rules allow a list only at the query level itself).
        string studyList = $"{dro.GetString(DicomTag.StudyInstanceUID)}\\{ge.GetString(DicomTag.StudyInstanceUID)}";
        List<DicomDataset> studies = await FindAsync("-S", "QueryRetrieveLevel=STUDY", $"StudyInstanceUID={studyList}", "PatientID");
        Assert.Equal(new[] { dro, ge }.Select(h => h.GetString(DicomTag.StudyInstanceUID)!).Order(StringComparer.Ordinal),
            studies.Select(s => s.GetString(DicomTag.StudyInstanceUID)!).Order(StringComparer.Ordinal));

        // SERIES of the DRO study, with the number of instances the node holds.
        List<DicomDataset> series = await FindAsync("-S", "QueryRetrieveLevel=SERIES", $"StudyInstanceUID={dro.GetString(DicomTag.StudyInstanceUID)}",
            "SeriesInstanceUID", "Modality", "NumberOfSeriesRelatedInstances");
        DicomDataset one = Assert.Single(series);
        Assert.Equal(dro.GetString(DicomTag.SeriesInstanceUID), one.GetString(DicomTag.SeriesInstanceUID));
        Assert.Equal("PT", one.GetString(DicomTag.Modality));
        Assert.Equal("3", one.GetString(DicomTag.NumberOfSeriesRelatedInstances));

        // IMAGE, study root, every instance of the DRO series.
        List<DicomDataset> images = await FindAsync("-S", "QueryRetrieveLevel=IMAGE", $"StudyInstanceUID={dro.GetString(DicomTag.StudyInstanceUID)}",
            $"SeriesInstanceUID={dro.GetString(DicomTag.SeriesInstanceUID)}", "SOPInstanceUID", "InstanceNumber");
        Assert.Equal(headers.Where(h => h.GetString(DicomTag.SeriesInstanceUID) == dro.GetString(DicomTag.SeriesInstanceUID))
                .Select(h => h.GetString(DicomTag.SOPInstanceUID)!).Order(StringComparer.Ordinal),
            images.Select(i => i.GetString(DicomTag.SOPInstanceUID)!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task MovescuAndGetscu_Study_ReceivedInstancesHaveTheOriginalUidsAndPixels()
    {
        string movescu = RequiresTool.Dcmtk("movescu");
        string getscu = RequiresTool.Dcmtk("getscu");
        string storescp = RequiresTool.Dcmtk("storescp");
        RequiresTool.SharedTestData();
        CancellationToken ct = TestContext.Current.CancellationToken;
        string[] files = Files();
        string[] dro = files[..3];
        DicomDataset first = (await HeadersAsync(dro, ct))[0];
        await using ServedNode node = await ServedNode.StartAsync(files, ct);
        string moved = node.Folder.Combine("moved");
        string got = node.Folder.Combine("got");
        Directory.CreateDirectory(moved);
        Directory.CreateDirectory(got);
        await using RunningTool destination = ExternalTool.Start(storescp,
            ["-aet", "STORESCP", "-od", moved, node.DestinationPort.ToString(CultureInfo.InvariantCulture)]);
        await FreePort.WaitUntilListeningAsync(node.DestinationPort, ct);
        string study = $"StudyInstanceUID={first.GetString(DicomTag.StudyInstanceUID)}";

        (await ExternalTool.RunAsync(movescu, ["-S", "-aec", "PACSNODE", "-aem", "STORESCP", "-k", "QueryRetrieveLevel=STUDY", "-k", study,
            "127.0.0.1", node.PortText], cancellationToken: ct)).AssertSuccess();
        (await ExternalTool.RunAsync(getscu, ["-S", "-aec", "PACSNODE", "-od", got, "-k", "QueryRetrieveLevel=STUDY", "-k", study,
            "127.0.0.1", node.PortText], cancellationToken: ct)).AssertSuccess();

        await InstanceAssert.SameInstancesAsync(dro, Directory.GetFiles(moved), ct);
        await InstanceAssert.SameInstancesAsync(dro, Directory.GetFiles(got), ct);
    }

    [Fact]
    public async Task PacsnodeFindMoveGet_AgainstTheNode_MatchAndRetrieveTheFiles()
    {
        string storescp = RequiresTool.Dcmtk("storescp");
        RequiresTool.SharedTestData();
        CancellationToken ct = TestContext.Current.CancellationToken;
        string[] files = Files();
        DicomDataset ge = (await HeadersAsync([files[3]], ct))[0];
        await using ServedNode node = await ServedNode.StartAsync(files, ct);
        string moved = node.Folder.Combine("moved");
        string got = node.Folder.Combine("got");
        Directory.CreateDirectory(moved);
        await using RunningTool destination = ExternalTool.Start(storescp,
            ["-aet", "STORESCP", "-od", moved, node.DestinationPort.ToString(CultureInfo.InvariantCulture)]);
        await FreePort.WaitUntilListeningAsync(node.DestinationPort, ct);
        string study = $"StudyInstanceUID={ge.GetString(DicomTag.StudyInstanceUID)}";

        ToolResult find = (await PacsNodeCli.RunAsync(["find", node.Address, "-S", "-L", "STUDY", "-k", "StudyDate=20140101-20151231",
            "-k", "StudyInstanceUID", "-k", "PatientName"], cancellationToken: ct)).AssertSuccess();
        ToolResult move = (await PacsNodeCli.RunAsync(["move", node.Address, "--dest", "STORESCP", "-L", "STUDY", "-k", study],
            cancellationToken: ct)).AssertSuccess();
        ToolResult get = (await PacsNodeCli.RunAsync(["get", node.Address, "--out", got, "-L", "STUDY", "-k", study], cancellationToken: ct))
            .AssertSuccess();
        ToolResult unknown = await PacsNodeCli.RunAsync(["move", node.Address, "--dest", "NOBODY", "-L", "STUDY", "-k", study],
            cancellationToken: ct);

        Assert.Contains($"UI [{ge.GetString(DicomTag.StudyInstanceUID)}]", find.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("# Match 1", find.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("# Match 2", find.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("1 completed, 0 failed", move.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("1 completed, 0 failed", get.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("A801", unknown.StandardError, StringComparison.Ordinal);
        await InstanceAssert.SameInstancesAsync([files[3]], Directory.GetFiles(moved), ct);
        await InstanceAssert.SameInstancesAsync([files[3]], Directory.GetFiles(got), ct);
    }

    [Fact]
    public async Task CompositeInstanceRootGet_OneSopInstanceUid_ThatInstanceAsStored()
    {
        RequiresTool.SharedTestData();
        CancellationToken ct = TestContext.Current.CancellationToken;
        string[] files = Files();
        DicomDataset ge = (await HeadersAsync([files[3]], ct))[0];
        await using ServedNode node = await ServedNode.StartAsync(files, ct);
        string pet = DicomUid.PositronEmissionTomographyImageStorage;
        await using DimseClient client = await DimseClient.ConnectAsync(new DimseClientOptions
        {
            Host = "127.0.0.1",
            Port = node.Port,
            CalledAeTitle = "PACSNODE",
            PresentationContexts = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
            {
                [DicomUid.CompositeInstanceRootRetrieveGet] = [DicomUid.ExplicitVRLittleEndian],
                [pet] = [DicomUid.JPEGLosslessSV1, DicomUid.ExplicitVRLittleEndian],
            },
            RoleSelections = [new RoleSelection(pet, false, true)],
        }, TimeProvider.System, NullLogger.Instance, ct);
        var identifier = new DicomDataset();
        identifier.SetString(DicomTag.QueryRetrieveLevel, DicomVR.CS, "IMAGE");
        identifier.SetString(DicomTag.SOPInstanceUID, DicomVR.UI, ge.GetString(DicomTag.SOPInstanceUID)!);
        var sink = new MemorySink();

        RetrieveOutcome outcome = await client.GetAsync(DicomUid.CompositeInstanceRootRetrieveGet, identifier, sink, ct);
        await client.ReleaseAsync(ct);

        Assert.Equal(DicomStatus.Success, outcome.Status);
        (string syntax, byte[] bytes) = Assert.Single(sink.Received).Value;
        Assert.Equal(DicomUid.JPEGLosslessSV1, syntax); // accepted in the stored syntax: sent as stored, not transcoded
        bool asStored = false;
        foreach (string stored in StoredFiles.Under(node.Folder.Combine("data", "instances")))
        {
            asStored |= (await File.ReadAllBytesAsync(stored, ct)).AsSpan().EndsWith(bytes);
        }

        Assert.True(asStored, "the dataset bytes sent are the stored file's own, after its meta information");
    }

    /// <summary>Three DRO slices (one series), a GE JPEG Lossless slice, and two ACRIN patients.</summary>
    private static string[] Files() =>
    [
        .. Directory.GetFiles(TestData.Path("ibsi-suv-dro", "DRO", "DRO_0_0", "PT"), "*.dcm").Order(StringComparer.Ordinal).Take(3),
        TestData.Path("fo-dicom", "GH184.dcm"),
        TestData.Path("suyashkumar-dicom", "1.dcm"),
        TestData.Path("suyashkumar-dicom", "2.dcm"),
    ];

    private static async Task<List<DicomDataset>> HeadersAsync(IEnumerable<string> files, CancellationToken ct)
    {
        var headers = new List<DicomDataset>();
        foreach (string path in files)
        {
            headers.Add((await DicomFile.OpenAsync(path, new DicomReaderOptions { StopAtTag = DicomTag.PixelData }, ct)).Dataset);
        }

        return headers;
    }

    private sealed class MemorySink : IStoreScp
    {
        public Dictionary<string, (string Syntax, byte[] Bytes)> Received { get; } = new(StringComparer.Ordinal);

        public async ValueTask<DimseResult> OnCStoreAsync(
            AssociationParameters association, CStoreRequest request, string transferSyntaxUid, DatasetSpool dataset,
            CancellationToken cancellationToken)
        {
            using var copy = new MemoryStream();
            await dataset.CopyToAsync(copy, cancellationToken);
            Received[request.AffectedSopInstanceUid] = (transferSyntaxUid, copy.ToArray());
            return DimseResult.Success;
        }
    }
}
