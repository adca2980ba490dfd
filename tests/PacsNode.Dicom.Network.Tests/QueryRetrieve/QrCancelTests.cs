using System.Buffers;
using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO;
using PacsNode.Dicom.Network.Dimse;
using PacsNode.Dicom.Network.Scp;
using PacsNode.Dicom.Network.Upper;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Dicom.Network.Tests.QueryRetrieve;

/// <summary>
/// C-CANCEL during a C-GET and a C-MOVE, sent by hand on a raw DIMSE channel: the operation stops after the
/// sub-operation under way and the final response says FE00 with the remaining count.
/// </summary>
public sealed class QrCancelTests
{
    private const string Pet = DicomUid.PositronEmissionTomographyImageStorage;

    [Fact]
    public async Task Get_CancelBeforeTheFirstStoreResponse_FinalFe00WithFourRemaining()
    {
        RequiresTool.SharedTestData();
        CancellationToken ct = TestContext.Current.CancellationToken;
        var archive = await MemoryArchive.LoadAsync(QrDispatcherTests.DroSlices(5), ct);
        await using var node = QrNode.Start(archive);
        await using Association association = await RequestAsync(node.Port, [new RoleSelection(Pet, false, true)], ct);
        var channel = new DimseChannel(association, 1 << 20, Path.GetTempPath());

        await channel.SendAsync(1, new CGetRequest(7, DicomUid.StudyRootQueryRetrieveInformationModelGet).ToCommand(), Encoded(archive), ct);
        await using (DimseMessage store = (await channel.ReceiveAsync(ct))!)
        {
            Assert.Equal(CommandField.CStoreRq, store.Command.Field);
            await channel.SendAsync(1, new CCancelRequest(7).ToCommand(), null, ct);
            var rq = CStoreRequest.FromCommand(store.Command);
            await channel.SendAsync(store.PresentationContext.Id,
                new CStoreResponse(rq.MessageId, rq.AffectedSopClassUid, rq.AffectedSopInstanceUid, DicomStatus.Success).ToCommand(), null, ct);
        }

        var final = CGetResponse.FromCommand(await FinalAsync(channel, CommandField.CGetRsp, c => c.Status, ct));
        await association.ReleaseAsync(ct);

        Assert.Equal(QueryRetrieveStatus.Cancel, final.Status);
        Assert.Equal(new SubOperationCounts(4, 1, 0, 0), final.Counts);
    }

    [Fact]
    public async Task Move_CancelRightAfterTheRequest_FinalFe00AndNotEverythingSent()
    {
        RequiresTool.SharedTestData();
        CancellationToken ct = TestContext.Current.CancellationToken;
        var archive = await MemoryArchive.LoadAsync(QrDispatcherTests.DroSlices(5), ct);
        var slow = new SlowStore();
        await using var destination = DestinationListener.Start(slow, ct);
        archive.Destinations["SLOW"] = new MoveDestination("SLOW", "127.0.0.1", destination.Port);
        await using var node = QrNode.Start(archive);
        await using Association association = await RequestAsync(node.Port, [], ct);
        var channel = new DimseChannel(association, 1 << 20, Path.GetTempPath());

        await channel.SendAsync(1, new CMoveRequest(9, DicomUid.StudyRootQueryRetrieveInformationModelMove, "SLOW").ToCommand(), Encoded(archive), ct);
        await channel.SendAsync(1, new CCancelRequest(9).ToCommand(), null, ct);
        var final = CMoveResponse.FromCommand(await FinalAsync(channel, CommandField.CMoveRsp, c => c.Status, ct));
        await association.ReleaseAsync(ct);

        Assert.Equal(QueryRetrieveStatus.Cancel, final.Status);
        Assert.True(final.Counts.Remaining >= 1, $"remaining {final.Counts.Remaining}");
        Assert.Equal(5, final.Counts.Remaining + final.Counts.Completed + final.Counts.Failed + final.Counts.Warning);
        Assert.Equal(final.Counts.Completed, slow.Stored);
    }

    private static ReadOnlySequence<byte> Encoded(MemoryArchive archive)
    {
        DicomDataset first = archive.Entries[0].Header;
        DicomDataset identifier = QrDispatcherTests.Identifier("SERIES",
            (DicomTag.StudyInstanceUID, DicomVR.UI, first.GetString(DicomTag.StudyInstanceUID)!),
            (DicomTag.SeriesInstanceUID, DicomVR.UI, first.GetString(DicomTag.SeriesInstanceUID)!));
        return new ReadOnlySequence<byte>(DicomDatasetCodec.Encode(identifier, DicomTransferSyntax.ImplicitVRLittleEndian));
    }

    /// <summary>Reads past pending responses to the final one.</summary>
    private static async Task<CommandSet> FinalAsync(
        DimseChannel channel, CommandField field, Func<CommandSet, DicomStatus> status, CancellationToken ct)
    {
        while (true)
        {
            await using DimseMessage message = (await channel.ReceiveAsync(ct))!;
            Assert.Equal(field, message.Command.Field);
            if (status(message.Command).Category != StatusCategory.Pending)
            {
                return message.Command;
            }
        }
    }

    private static Task<Association> RequestAsync(int port, IReadOnlyList<RoleSelection> roles, CancellationToken ct)
    {
        PresentationContextRequest[] contexts =
        [
            new(1, roles.Count > 0 ? DicomUid.StudyRootQueryRetrieveInformationModelGet : DicomUid.StudyRootQueryRetrieveInformationModelMove,
                [DicomUid.ImplicitVRLittleEndian]),
            new(3, Pet, [DicomUid.ExplicitVRLittleEndian]),
        ];
        var rq = new AAssociateRqPdu("QRSCP", "RAWSCU", contexts, new UserInformation { MaximumLength = 16384, RoleSelections = roles });
        return Association.RequestAsync("127.0.0.1", port, rq, AssociationOptions.Default, TimeProvider.System, NullLogger.Instance, ct);
    }

    private sealed class SlowStore : IStoreScp
    {
        private int _stored;

        public int Stored => Volatile.Read(ref _stored);

        public async ValueTask<DimseResult> OnCStoreAsync(
            AssociationParameters association, CStoreRequest request, string transferSyntaxUid, DatasetSpool dataset,
            CancellationToken cancellationToken)
        {
            await Task.Delay(200, cancellationToken);
            Interlocked.Increment(ref _stored);
            return DimseResult.Success;
        }
    }

    private sealed class DestinationListener(DicomListener listener, Task running, CancellationTokenSource stop) : IAsyncDisposable
    {
        public int Port => listener.LocalEndPoint.Port;

        public static DestinationListener Start(IStoreScp store, CancellationToken ct)
        {
            var syntaxes = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
            {
                [Pet] = [DicomUid.ExplicitVRLittleEndian, DicomUid.ImplicitVRLittleEndian],
            };
            var dispatcher = new DimseDispatcher(null, store, new DimseDispatcherOptions(), NullLogger.Instance);
            var listener = new DicomListener(new DicomListenerOptions { Address = IPAddress.Loopback, Port = 0 },
                new AcceptorPolicy { AeTitle = "SLOW", AbstractSyntaxes = syntaxes }, dispatcher.HandleAsync, TimeProvider.System,
                NullLogger.Instance);
            var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            return new DestinationListener(listener, listener.RunAsync(stop.Token), stop);
        }

        public async ValueTask DisposeAsync()
        {
            await stop.CancelAsync();
            await running;
            await listener.DisposeAsync();
            stop.Dispose();
        }
    }
}
