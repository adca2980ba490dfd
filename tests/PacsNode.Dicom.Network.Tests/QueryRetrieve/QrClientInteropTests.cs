using System.Buffers;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO;
using PacsNode.Dicom.Network.Dimse;
using PacsNode.Dicom.Network.Scu;
using PacsNode.Dicom.Network.Upper;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Dicom.Network.Tests.QueryRetrieve;

/// <summary>
/// Our Q/R SCU against DCMTK's dcmqrscp, loaded with real PET files by storescu (dcmqrscp keeps and indexes what
/// it receives): C-FIND, C-FIND cancelled early, C-MOVE to a storescp, C-GET.
/// </summary>
[Trait("Category", "Interop")]
public sealed class QrClientInteropTests
{
    private const string Pet = DicomUid.PositronEmissionTomographyImageStorage;

    [Fact]
    public async Task Find_StudyAndImageLevels_MatchTheLoadedFiles()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using Dcmqrscp peer = await Dcmqrscp.StartLoadedAsync(ct);
        await using DimseClient client = await peer.ConnectAsync(ct);

        List<DicomDataset> studies = await ToListAsync(client.FindAsync(DicomUid.StudyRootQueryRetrieveInformationModelFind,
            QrDispatcherTests.Identifier("STUDY", (DicomTag.StudyInstanceUID, DicomVR.UI, ""), (DicomTag.PatientID, DicomVR.LO, "")), ct));
        List<DicomDataset> images = await ToListAsync(client.FindAsync(DicomUid.PatientRootQueryRetrieveInformationModelFind,
            QrDispatcherTests.Identifier("IMAGE", (DicomTag.PatientID, DicomVR.LO, peer.Dro.GetString(DicomTag.PatientID)!),
                (DicomTag.StudyInstanceUID, DicomVR.UI, peer.Dro.GetString(DicomTag.StudyInstanceUID)!),
                (DicomTag.SeriesInstanceUID, DicomVR.UI, peer.Dro.GetString(DicomTag.SeriesInstanceUID)!),
                (DicomTag.SOPInstanceUID, DicomVR.UI, "")), ct));
        await client.ReleaseAsync(ct);

        Assert.Equal(peer.StudyUids, studies.Select(s => s.GetString(DicomTag.StudyInstanceUID)!).Order(StringComparer.Ordinal));
        Assert.Equal(peer.DroSopInstanceUids, images.Select(s => s.GetString(DicomTag.SOPInstanceUID)!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Find_StopAfterOneMatch_CancelledAndTheAssociationStaysUsable()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using Dcmqrscp peer = await Dcmqrscp.StartLoadedAsync(ct);
        await using DimseClient client = await peer.ConnectAsync(ct);

        await foreach (DicomDataset match in client.FindAsync(DicomUid.StudyRootQueryRetrieveInformationModelFind,
            QrDispatcherTests.Identifier("IMAGE", (DicomTag.StudyInstanceUID, DicomVR.UI, peer.Dro.GetString(DicomTag.StudyInstanceUID)!),
                (DicomTag.SeriesInstanceUID, DicomVR.UI, peer.Dro.GetString(DicomTag.SeriesInstanceUID)!), (DicomTag.SOPInstanceUID, DicomVR.UI, "")), ct))
        {
            Assert.Contains(match.GetString(DicomTag.SOPInstanceUID)!, peer.DroSopInstanceUids);
            break;
        }

        DicomStatus echo = await client.EchoAsync(ct);
        await client.ReleaseAsync(ct);
        Assert.Equal(DicomStatus.Success, echo);
    }

    [Fact]
    public async Task Move_SeriesToStorescp_CountsAndFilesMatch()
    {
        string storescp = RequiresTool.Dcmtk("storescp");
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using Dcmqrscp peer = await Dcmqrscp.StartLoadedAsync(ct);
        using var received = new TempDirectory();
        await using RunningTool destination = ExternalTool.Start(storescp,
            ["-aet", "STORESCP", "-od", received.FullPath, peer.StorePort.ToString(CultureInfo.InvariantCulture)]);
        await FreePort.WaitUntilListeningAsync(peer.StorePort, ct);
        await using DimseClient client = await peer.ConnectAsync(ct);

        RetrieveOutcome outcome = await client.MoveAsync(DicomUid.StudyRootQueryRetrieveInformationModelMove, "STORESCP",
            QrDispatcherTests.Identifier("SERIES", (DicomTag.StudyInstanceUID, DicomVR.UI, peer.Dro.GetString(DicomTag.StudyInstanceUID)!),
                (DicomTag.SeriesInstanceUID, DicomVR.UI, peer.Dro.GetString(DicomTag.SeriesInstanceUID)!)), ct);
        await client.ReleaseAsync(ct);

        Assert.Equal(DicomStatus.Success, outcome.Status);
        Assert.Equal(peer.DroFiles.Length, outcome.Counts.Completed);
        Assert.Equal(0, outcome.Counts.Failed);
        await QrScpInteropTests.AssertSameInstancesAsync(peer.DroFiles, Directory.GetFiles(received.FullPath), ct);
    }

    [Fact]
    public async Task Get_SeriesWithScpRole_SinkReceivesEveryInstanceWithItsPixels()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using Dcmqrscp peer = await Dcmqrscp.StartLoadedAsync(ct);
        await using DimseClient client = await peer.ConnectAsync(ct, withStorage: true);
        var sink = new RecordingSink();

        RetrieveOutcome outcome = await client.GetAsync(DicomUid.StudyRootQueryRetrieveInformationModelGet,
            QrDispatcherTests.Identifier("SERIES", (DicomTag.StudyInstanceUID, DicomVR.UI, peer.Dro.GetString(DicomTag.StudyInstanceUID)!),
                (DicomTag.SeriesInstanceUID, DicomVR.UI, peer.Dro.GetString(DicomTag.SeriesInstanceUID)!)), sink, ct);
        await client.ReleaseAsync(ct);

        Assert.Equal(DicomStatus.Success, outcome.Status);
        Assert.Equal(peer.DroFiles.Length, outcome.Counts.Completed);
        Assert.Equal(peer.DroSopInstanceUids, sink.Received.Keys.Order(StringComparer.Ordinal));
        foreach (string path in peer.DroFiles)
        {
            DicomFile source = await DicomFile.OpenAsync(path, null, ct);
            (string syntax, byte[] bytes) = sink.Received[source.Dataset.GetString(DicomTag.SOPInstanceUID)!];
            DicomDataset got = DicomDatasetCodec.Decode(new ReadOnlySequence<byte>(bytes), DicomTransferSyntax.FromUid(syntax));
            Assert.Equal(QrDispatcherTests.Pixels(source.Dataset), QrDispatcherTests.Pixels(got));
        }
    }

    private static async Task<List<DicomDataset>> ToListAsync(IAsyncEnumerable<DicomDataset> source)
    {
        var list = new List<DicomDataset>();
        await foreach (DicomDataset item in source)
        {
            list.Add(item);
        }

        return list;
    }

    /// <summary>dcmqrscp on a free port with a temp configuration and database, loaded by storescu.</summary>
    private sealed class Dcmqrscp : IAsyncDisposable
    {
        private readonly TempDirectory _folder = new();
        private RunningTool? _process;

        public int Port { get; } = FreePort.Get();

        public int StorePort { get; } = FreePort.Get();

        public string[] DroFiles { get; } = QrDispatcherTests.DroSlices(3);

        public DicomDataset Dro { get; private set; } = null!;

        public string[] DroSopInstanceUids { get; private set; } = [];

        public string[] StudyUids { get; private set; } = [];

        public static async Task<Dcmqrscp> StartLoadedAsync(CancellationToken ct)
        {
            string dcmqrscp = RequiresTool.Dcmtk("dcmqrscp");
            string storescu = RequiresTool.Dcmtk("storescu");
            RequiresTool.SharedTestData();
            var peer = new Dcmqrscp();
            string db = peer._folder.Combine("db");
            Directory.CreateDirectory(db);
            string config = peer._folder.Combine("dcmqrscp.cfg");
            await File.WriteAllTextAsync(config, string.Join('\n',
                $"NetworkTCPPort = {peer.Port}", "MaxPDUSize = 16384", "MaxAssociations = 16", "HostTable BEGIN",
                $"storescp = (STORESCP, 127.0.0.1, {peer.StorePort})", "HostTable END", "VendorTable BEGIN", "VendorTable END",
                "AETable BEGIN", $"QRSCP {db} RW (200, 1024mb) ANY", "AETable END", ""), ct);
            peer._process = ExternalTool.Start(dcmqrscp, ["-c", config]);
            await FreePort.WaitUntilListeningAsync(peer.Port, ct);
            string other = TestData.Path("suyashkumar-dicom", "1.dcm");
            (await ExternalTool.RunAsync(storescu, ["-aec", "QRSCP", "127.0.0.1", peer.Port.ToString(CultureInfo.InvariantCulture),
                .. peer.DroFiles, other], null, ct)).AssertSuccess();
            var uids = new List<string>();
            foreach (string path in peer.DroFiles)
            {
                peer.Dro = (await DicomFile.OpenAsync(path, null, ct)).Dataset;
                uids.Add(peer.Dro.GetString(DicomTag.SOPInstanceUID)!);
            }

            peer.DroSopInstanceUids = [.. uids.Order(StringComparer.Ordinal)];
            string otherStudy = (await DicomFile.OpenAsync(other, null, ct)).Dataset.GetString(DicomTag.StudyInstanceUID)!;
            peer.StudyUids = [.. new[] { peer.Dro.GetString(DicomTag.StudyInstanceUID)!, otherStudy }.Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal)];
            return peer;
        }

        public Task<DimseClient> ConnectAsync(CancellationToken ct, bool withStorage = false)
        {
            string[] uncompressed = [DicomUid.ExplicitVRLittleEndian, DicomUid.ImplicitVRLittleEndian];
            var contexts = QrNode.QrSopClasses.Append(DicomUid.Verification)
                .ToDictionary(u => u, _ => (IReadOnlyList<string>)uncompressed, StringComparer.Ordinal);
            if (withStorage)
            {
                contexts[Pet] = uncompressed;
            }

            return DimseClient.ConnectAsync(new DimseClientOptions
            {
                Host = "127.0.0.1",
                Port = Port,
                CalledAeTitle = "QRSCP",
                CallingAeTitle = "OURSCU",
                PresentationContexts = contexts,
                RoleSelections = withStorage ? [new RoleSelection(Pet, false, true)] : [],
            }, TimeProvider.System, NullLogger.Instance, ct);
        }

        public async ValueTask DisposeAsync()
        {
            if (_process is not null)
            {
                await _process.DisposeAsync();
            }

            _folder.Dispose();
        }
    }
}
