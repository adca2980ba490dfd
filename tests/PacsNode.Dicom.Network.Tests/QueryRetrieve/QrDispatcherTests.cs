using System.Buffers;
using System.Net.Sockets;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO;
using PacsNode.Dicom.Network.Dimse;
using PacsNode.Dicom.Network.Scp;
using PacsNode.Dicom.Network.Scu;
using PacsNode.Dicom.Network.Upper;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Dicom.Network.Tests.QueryRetrieve;

/// <summary>Our Q/R SCU against our dispatcher serving a <see cref="MemoryArchive"/> of real PET files.</summary>
public sealed class QrDispatcherTests
{
    private const string Pet = DicomUid.PositronEmissionTomographyImageStorage;

    [Fact]
    public async Task Find_StudyRoot_OneMatchPerStudyWithTheRequestedKeys()
    {
        RequiresTool.SharedTestData();
        CancellationToken ct = TestContext.Current.CancellationToken;
        string[] files = [.. DroSlices(3), TestData.Path("suyashkumar-dicom", "1.dcm"), TestData.Path("suyashkumar-dicom", "2.dcm")];
        var archive = await MemoryArchive.LoadAsync(files, ct);
        HashSet<string> studies = await DistinctAsync(files, DicomTag.StudyInstanceUID, ct);
        await using var node = QrNode.Start(archive);
        await using DimseClient client = await node.ConnectAsync(ct);

        List<DicomDataset> matches = [];
        await foreach (DicomDataset match in client.FindAsync(DicomUid.StudyRootQueryRetrieveInformationModelFind,
            Identifier("STUDY", (DicomTag.StudyInstanceUID, DicomVR.UI, ""), (DicomTag.PatientID, DicomVR.LO, "")), ct))
        {
            matches.Add(match);
        }

        Assert.Equal(DicomStatus.Success, await client.EchoAsync(ct));
        await client.ReleaseAsync(ct);
        Assert.Equal(studies.Order(StringComparer.Ordinal), matches.Select(m => m.GetString(DicomTag.StudyInstanceUID)!).Order(StringComparer.Ordinal));
        Assert.All(matches, m => Assert.Equal("STUDY", m.GetString(DicomTag.QueryRetrieveLevel)));
        Assert.All(matches, m => Assert.True(m.Contains(DicomTag.PatientID)));
    }

    [Fact]
    public async Task Find_ConsumerStopsEarly_CancelEndsTheQueryAndTheAssociationStaysUsable()
    {
        RequiresTool.SharedTestData();
        CancellationToken ct = TestContext.Current.CancellationToken;
        var archive = await MemoryArchive.LoadAsync(DroSlices(20), ct, TimeSpan.FromMilliseconds(100));
        await using var node = QrNode.Start(archive);
        await using DimseClient client = await node.ConnectAsync(ct);

        int seen = 0;
        await foreach (DicomDataset match in client.FindAsync(DicomUid.StudyRootQueryRetrieveInformationModelFind,
            Identifier("IMAGE", (DicomTag.StudyInstanceUID, DicomVR.UI, archive.Entries[0].Header.GetString(DicomTag.StudyInstanceUID)!),
                (DicomTag.SeriesInstanceUID, DicomVR.UI, archive.Entries[0].Header.GetString(DicomTag.SeriesInstanceUID)!),
                (DicomTag.SOPInstanceUID, DicomVR.UI, "")), ct))
        {
            if (++seen == 2)
            {
                break;
            }
        }

        DicomStatus echo = await client.EchoAsync(ct);
        await client.ReleaseAsync(ct);
        Assert.Equal(DicomStatus.Success, echo);
        Assert.InRange(archive.Enumerated, 2, 10); // 20 matches at 100 ms each were on offer
    }

    [Fact]
    public async Task Find_BadLevel_FailsWithA900AndTheOffendingElement()
    {
        RequiresTool.SharedTestData();
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using var node = QrNode.Start(await MemoryArchive.LoadAsync(DroSlices(1), ct));
        await using DimseClient client = await node.ConnectAsync(ct);

        var failure = await Assert.ThrowsAsync<DimseStatusException>(async () =>
        {
            await foreach (DicomDataset unused in client.FindAsync(DicomUid.StudyRootQueryRetrieveInformationModelFind,
                Identifier("FRAME"), ct))
            {
                Assert.Fail("no match expected");
            }
        });

        await client.ReleaseAsync(ct);
        Assert.Equal(QueryRetrieveStatus.IdentifierDoesNotMatchSopClass, failure.Status);
        Assert.Equal("bad level", failure.ErrorComment);
    }

    [Fact]
    public async Task Get_SeriesWithScpRole_EveryInstanceArrivesWithItsPixelBytes()
    {
        RequiresTool.SharedTestData();
        CancellationToken ct = TestContext.Current.CancellationToken;
        string[] files = DroSlices(4);
        var archive = await MemoryArchive.LoadAsync(files, ct);
        await using var node = QrNode.Start(archive);
        await using DimseClient client = await node.ConnectAsync(ct, [new RoleSelection(Pet, false, true)], DicomUid.ImplicitVRLittleEndian);
        var sink = new RecordingSink();

        RetrieveOutcome outcome = await client.GetAsync(DicomUid.StudyRootQueryRetrieveInformationModelGet,
            Identifier("SERIES", (DicomTag.StudyInstanceUID, DicomVR.UI, archive.Entries[0].Header.GetString(DicomTag.StudyInstanceUID)!),
                (DicomTag.SeriesInstanceUID, DicomVR.UI, archive.Entries[0].Header.GetString(DicomTag.SeriesInstanceUID)!)), sink, ct);
        await client.ReleaseAsync(ct);

        Assert.Equal(DicomStatus.Success, outcome.Status);
        Assert.Equal(new SubOperationCounts(null, 4, 0, 0), outcome.Counts);
        foreach (string path in files)
        {
            DicomFile source = await DicomFile.OpenAsync(path, null, ct);
            (string syntax, byte[] bytes) = sink.Received[source.Dataset.GetString(DicomTag.SOPInstanceUID)!];
            Assert.Equal(DicomUid.ImplicitVRLittleEndian, syntax); // stored explicit VR: re-encoded for the accepted context
            DicomDataset received = DicomDatasetCodec.Decode(new ReadOnlySequence<byte>(bytes), DicomTransferSyntax.ImplicitVRLittleEndian);
            Assert.Equal(Pixels(source.Dataset), Pixels(received));
        }
    }

    [Fact]
    public async Task Get_TokenCancelledAfterTheFirstStore_ClientSendsCancelAndGetsFe00()
    {
        RequiresTool.SharedTestData();
        CancellationToken ct = TestContext.Current.CancellationToken;
        var archive = await MemoryArchive.LoadAsync(DroSlices(5), ct);
        await using var node = QrNode.Start(archive);
        await using DimseClient client = await node.ConnectAsync(ct, [new RoleSelection(Pet, false, true)], DicomUid.ExplicitVRLittleEndian);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var sink = new CancellingSink(stop);

        RetrieveOutcome outcome = await client.GetAsync(DicomUid.StudyRootQueryRetrieveInformationModelGet,
            Identifier("SERIES", (DicomTag.StudyInstanceUID, DicomVR.UI, archive.Entries[0].Header.GetString(DicomTag.StudyInstanceUID)!),
                (DicomTag.SeriesInstanceUID, DicomVR.UI, archive.Entries[0].Header.GetString(DicomTag.SeriesInstanceUID)!)), sink, stop.Token);
        DicomStatus echo = await client.EchoAsync(ct);
        await client.ReleaseAsync(ct);

        Assert.Equal(QueryRetrieveStatus.Cancel, outcome.Status);
        Assert.Equal(new SubOperationCounts(4, 1, 0, 0), outcome.Counts);
        Assert.Equal(1, sink.Calls);
        Assert.Equal(DicomStatus.Success, echo);
    }

    [Fact]
    public async Task Get_RequesterRefusedTheScpRole_EverySubOperationFailsA702WithTheList()
    {
        RequiresTool.SharedTestData();
        CancellationToken ct = TestContext.Current.CancellationToken;
        var archive = await MemoryArchive.LoadAsync(DroSlices(2), ct);
        await using var node = QrNode.Start(archive);
        await using DimseClient client = await node.ConnectAsync(ct, [new RoleSelection(Pet, true, false)], DicomUid.ExplicitVRLittleEndian);
        var sink = new RecordingSink();

        RetrieveOutcome outcome = await client.GetAsync(DicomUid.PatientRootQueryRetrieveInformationModelGet,
            Identifier("PATIENT", (DicomTag.PatientID, DicomVR.LO, archive.Entries[0].Header.GetString(DicomTag.PatientID)!)), sink, ct);
        await client.ReleaseAsync(ct);

        Assert.Equal(QueryRetrieveStatus.OutOfResourcesSubOperations, outcome.Status);
        Assert.Equal(new SubOperationCounts(null, 0, 2, 0), outcome.Counts);
        Assert.Equal(archive.Entries.Select(e => e.File.SopInstanceUid).Order(StringComparer.Ordinal),
            outcome.FailedSopInstanceUids.Order(StringComparer.Ordinal));
        Assert.Empty(sink.Received);
    }

    [Fact]
    public async Task Move_UnknownDestination_RefusedA801()
    {
        RequiresTool.SharedTestData();
        CancellationToken ct = TestContext.Current.CancellationToken;
        var archive = await MemoryArchive.LoadAsync(DroSlices(1), ct);
        await using var node = QrNode.Start(archive);
        await using DimseClient client = await node.ConnectAsync(ct);

        var failure = await Assert.ThrowsAsync<DimseStatusException>(() => client.MoveAsync(
            DicomUid.StudyRootQueryRetrieveInformationModelMove, "NOWHERE",
            Identifier("STUDY", (DicomTag.StudyInstanceUID, DicomVR.UI, archive.Entries[0].Header.GetString(DicomTag.StudyInstanceUID)!)), ct));
        await client.ReleaseAsync(ct);

        Assert.Equal(QueryRetrieveStatus.MoveDestinationUnknown, failure.Status);
    }

    [Fact]
    public async Task Move_DestinationNotListening_A702AndEveryInstanceInTheFailedList()
    {
        RequiresTool.SharedTestData();
        CancellationToken ct = TestContext.Current.CancellationToken;
        var archive = await MemoryArchive.LoadAsync(DroSlices(3), ct);
        using var closed = new TcpListener(System.Net.IPAddress.Loopback, 0);
        closed.Start();
        int port = ((System.Net.IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop(); // nothing listens there any more: the connection is refused
        archive.Destinations["DOWN"] = new MoveDestination("DOWN", "127.0.0.1", port);
        await using var node = QrNode.Start(archive);
        await using DimseClient client = await node.ConnectAsync(ct);

        RetrieveOutcome outcome = await client.MoveAsync(DicomUid.StudyRootQueryRetrieveInformationModelMove, "DOWN",
            Identifier("STUDY", (DicomTag.StudyInstanceUID, DicomVR.UI, archive.Entries[0].Header.GetString(DicomTag.StudyInstanceUID)!)), ct);
        DicomStatus echo = await client.EchoAsync(ct);
        await client.ReleaseAsync(ct);

        Assert.Equal(QueryRetrieveStatus.OutOfResourcesSubOperations, outcome.Status);
        Assert.Equal(new SubOperationCounts(null, 0, 3, 0), outcome.Counts);
        Assert.Equal(3, outcome.FailedSopInstanceUids.Count);
        Assert.Contains("cannot associate with DOWN", outcome.ErrorComment, StringComparison.Ordinal);
        Assert.Equal(DicomStatus.Success, echo);
    }

    internal static string[] DroSlices(int count) =>
        [.. Directory.GetFiles(TestData.Path("ibsi-suv-dro", "DRO", "DRO_0_0", "PT"), "*.dcm").Order(StringComparer.Ordinal).Take(count)];

    internal static DicomDataset Identifier(string level, params (DicomTag Tag, DicomVR VR, string Value)[] keys)
    {
        var identifier = new DicomDataset();
        identifier.SetString(DicomTag.QueryRetrieveLevel, DicomVR.CS, level);
        foreach ((DicomTag tag, DicomVR vr, string value) in keys)
        {
            identifier.SetString(tag, vr, value);
        }

        return identifier;
    }

    internal static byte[] Pixels(DicomDataset dataset) => ((DicomElement)dataset.Get(DicomTag.PixelData)!).Buffer.Memory.ToArray();

    private static async Task<HashSet<string>> DistinctAsync(IEnumerable<string> files, DicomTag tag, CancellationToken ct)
    {
        var values = new HashSet<string>(StringComparer.Ordinal);
        foreach (string path in files)
        {
            values.Add((await DicomFile.OpenAsync(path, null, ct)).Dataset.GetString(tag)!);
        }

        return values;
    }

    /// <summary>Cancels the C-GET's token from inside the first sub-operation, before answering it.</summary>
    private sealed class CancellingSink(CancellationTokenSource stop) : IStoreScp
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public async ValueTask<DimseResult> OnCStoreAsync(
            AssociationParameters association, CStoreRequest request, string transferSyntaxUid, DatasetSpool dataset,
            CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            await stop.CancelAsync();
            await Task.Delay(200, CancellationToken.None); // let the C-CANCEL go out before the C-STORE-RSP
            return DimseResult.Success;
        }
    }
}
