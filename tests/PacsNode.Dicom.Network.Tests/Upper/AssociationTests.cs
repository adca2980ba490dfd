using System.Buffers;
using System.Buffers.Binary;
using Microsoft.Extensions.Logging.Abstractions;
using PacsNode.Dicom.Network.Upper;
using Xunit;

namespace PacsNode.Dicom.Network.Tests.Upper;

public sealed class AssociationTests
{
    [Fact]
    public async Task Accept_EchoRequest_SendsAcAndSetsNoDelay()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        using var harness = new AcceptorHarness();
        await using RawPeer peer = await RawPeer.ConnectAsync(harness.EndPoint, ct);
        Task<Association?> accepting = harness.AcceptAsync(null, null, ct);

        await peer.SendAsync(AcceptorHarness.EchoRequest(), ct);
        await using Association? association = await accepting;
        byte[]? ac = await peer.ReadPduAsync(ct);

        Assert.NotNull(association);
        Assert.True(association.Socket.NoDelay);
        Assert.Equal(UpperLayerState.Sta6, association.State);
        var parsed = Assert.IsType<AAssociateAcPdu>(PduTestHelpers.ParseOne(ac!));
        Assert.True(Assert.Single(parsed.PresentationContexts).IsAccepted);
        Assert.Equal(16384u, parsed.UserInformation.MaximumLength);
    }

    [Fact]
    public async Task SendPData_LargerThanPeerMaximum_FragmentsToItsMaximumWithLastBitOnTheLast()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        using var harness = new AcceptorHarness();
        await using RawPeer peer = await RawPeer.ConnectAsync(harness.EndPoint, ct);
        Task<Association?> accepting = harness.AcceptAsync(null, null, ct);
        await peer.SendAsync(AcceptorHarness.EchoRequest(maxLength: 1000), ct);
        await using Association association = (await accepting)!;
        await peer.ReadPduAsync(ct);
        byte[] data = Enumerable.Range(0, 2500).Select(i => (byte)i).ToArray();

        await association.SendPDataAsync(1, false, new ReadOnlySequence<byte>(data), ct);

        var received = new List<byte>();
        var lengths = new List<(uint Pdu, bool Last)>();
        while (received.Count < data.Length)
        {
            byte[] pdu = (await peer.ReadPduAsync(ct))!;
            Assert.Equal(0x04, pdu[0]);
            lengths.Add((BinaryPrimitives.ReadUInt32BigEndian(pdu.AsSpan(2)), (pdu[11] & 2) != 0));
            Assert.Equal(1, pdu[10]);
            received.AddRange(pdu[12..]);
        }

        // Each PDU is at most 1000 bytes: 6 of PDV overhead and 994 of data; 2500 = 994 + 994 + 512.
        Assert.Equal([(1000u, false), (1000u, false), (518u, true)], lengths);
        Assert.Equal(data, received);
    }

    [Fact]
    public async Task Accept_FourGigabytePduLength_AbortsWithInvalidParameterAndCloses()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        using var harness = new AcceptorHarness();
        await using RawPeer peer = await RawPeer.ConnectAsync(harness.EndPoint, ct);
        Task<Association?> accepting = harness.AcceptAsync(null, null, ct);

        await peer.SendAsync([0x01, 0, 0xFF, 0xFF, 0xFF, 0xFF], ct);

        var ex = await Assert.ThrowsAsync<UpperLayerProtocolException>(() => accepting);
        Assert.Contains("4294967295", ex.Message, StringComparison.Ordinal);

        // Sta2 + Evt19 is AA-1 in table 9-10: an A-ABORT with service-user source.
        Assert.Equal(new byte[] { 0x07, 0, 0, 0, 0, 4, 0, 0, 0, 0 }, await peer.ReadPduAsync(ct));
        Assert.True(await peer.IsClosedAsync(ct));
    }

    [Fact]
    public async Task Accept_HttpRequest_RefusedAsUnrecognizedPdu()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        using var harness = new AcceptorHarness();
        await using RawPeer peer = await RawPeer.ConnectAsync(harness.EndPoint, ct);
        Task<Association?> accepting = harness.AcceptAsync(null, null, ct);

        await peer.SendAsync("GET / HTTP/1.1\r\nHost: x\r\n\r\n"u8.ToArray(), ct);

        var ex = await Assert.ThrowsAsync<UpperLayerProtocolException>(() => accepting);
        Assert.Equal(AbortReason.UnrecognizedPdu, ex.Reason);
        Assert.Equal(0x07, (await peer.ReadPduAsync(ct))![0]);
    }

    [Fact]
    public async Task Accept_WrongCalledAe_SendsRejectAndReturnsNull()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        using var harness = new AcceptorHarness();
        await using RawPeer peer = await RawPeer.ConnectAsync(harness.EndPoint, ct);
        Task<Association?> accepting = harness.AcceptAsync(null, null, ct);

        await peer.SendAsync(AcceptorHarness.EchoRequest(called: "SOMEONE"), ct);
        byte[]? rj = await peer.ReadPduAsync(ct);
        await peer.DisposeAsync();

        Assert.Null(await accepting);
        Assert.Equal(new byte[] { 0x03, 0, 0, 0, 0, 4, 0, 1, 1, 7 }, rj);
    }

    [Fact]
    public async Task Accept_NothingSentWithinArtim_TimesOutAndCloses()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        var time = new ManualTimeProvider();
        using var harness = new AcceptorHarness();
        await using RawPeer peer = await RawPeer.ConnectAsync(harness.EndPoint, ct);
        Task<Association?> accepting = harness.AcceptAsync(null, time, ct);
        while (time.ActiveTimers == 0)
        {
            await Task.Delay(5, ct);
        }

        time.Advance(AssociationOptions.Default.ArtimTimeout);

        var ex = await Assert.ThrowsAsync<TimeoutException>(() => accepting);
        Assert.Contains("ARTIM", ex.Message, StringComparison.Ordinal);
        Assert.True(await peer.IsClosedAsync(ct));
    }

    [Fact]
    public async Task Receive_IdleBeyondTimeout_AbortsAndThrowsTimeout()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        var time = new ManualTimeProvider();
        var options = AssociationOptions.Default with { IdleTimeout = TimeSpan.FromSeconds(10) };
        using var harness = new AcceptorHarness();
        await using RawPeer peer = await RawPeer.ConnectAsync(harness.EndPoint, ct);
        Task<Association?> accepting = harness.AcceptAsync(options, time, ct);
        await peer.SendAsync(AcceptorHarness.EchoRequest(), ct);
        await using Association association = (await accepting)!;
        await peer.ReadPduAsync(ct);

        ValueTask<PDataTfPdu?> receiving = association.ReceiveAsync(ct);
        while (time.ActiveTimers == 0)
        {
            await Task.Delay(5, ct);
        }

        time.Advance(TimeSpan.FromSeconds(10));

        await Assert.ThrowsAsync<TimeoutException>(async () => await receiving);
        Assert.Equal(new byte[] { 0x07, 0, 0, 0, 0, 4, 0, 0, 0, 0 }, await peer.ReadPduAsync(ct));
        Assert.IsType<TimeoutException>(association.BreakReason);
    }

    [Fact]
    public async Task Receive_SecondAssociateRequest_AbortsAsProviderWithUnexpectedPdu()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        using var harness = new AcceptorHarness();
        await using RawPeer peer = await RawPeer.ConnectAsync(harness.EndPoint, ct);
        Task<Association?> accepting = harness.AcceptAsync(null, null, ct);
        await peer.SendAsync(AcceptorHarness.EchoRequest(), ct);
        await using Association association = (await accepting)!;
        await peer.ReadPduAsync(ct);

        await peer.SendAsync(AcceptorHarness.EchoRequest(), ct);

        var ex = await Assert.ThrowsAsync<UpperLayerProtocolException>(async () => await association.ReceiveAsync(ct));
        Assert.Equal(AbortReason.UnexpectedPdu, ex.Reason);
        Assert.Equal(new byte[] { 0x07, 0, 0, 0, 0, 4, 0, 0, 2, 2 }, await peer.ReadPduAsync(ct));
    }

    [Fact]
    public async Task Receive_PeerAborts_ThrowsWithItsSourceAndReason()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        using var harness = new AcceptorHarness();
        await using RawPeer peer = await RawPeer.ConnectAsync(harness.EndPoint, ct);
        Task<Association?> accepting = harness.AcceptAsync(null, null, ct);
        await peer.SendAsync(AcceptorHarness.EchoRequest(), ct);
        await using Association association = (await accepting)!;
        await peer.ReadPduAsync(ct);

        await peer.SendAsync([0x07, 0, 0, 0, 0, 4, 0, 0, 2, 1], ct);

        var ex = await Assert.ThrowsAsync<AssociationAbortedException>(async () => await association.ReceiveAsync(ct));
        Assert.Equal((AbortSource.ServiceProvider, AbortReason.UnrecognizedPdu), (ex.AbortSource!.Value, ex.AbortReason!.Value));
        Assert.True(await peer.IsClosedAsync(ct));
    }

    [Fact]
    public async Task Receive_TruncatedPData_ThenClose_ReportsTheTruncation()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        using var harness = new AcceptorHarness();
        RawPeer peer = await RawPeer.ConnectAsync(harness.EndPoint, ct);
        Task<Association?> accepting = harness.AcceptAsync(null, null, ct);
        await peer.SendAsync(AcceptorHarness.EchoRequest(), ct);
        await using Association association = (await accepting)!;
        await peer.ReadPduAsync(ct);

        await peer.SendAsync([0x04, 0, 0, 0, 0, 100, 0, 0, 0, 10, 1, 3], ct);
        await peer.DisposeAsync();

        var ex = await Assert.ThrowsAsync<AssociationAbortedException>(async () => await association.ReceiveAsync(ct));
        Assert.Contains("inside a PDU", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestorAndAcceptor_ExchangeDataAndRelease()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        using var harness = new AcceptorHarness();
        Task<Association?> accepting = harness.AcceptAsync(null, null, ct);
        var rq = new AAssociateRqPdu("PACSNODE", "SCU",
            [new PresentationContextRequest(1, StorescuGolden.RtStructureSetStorage, [StorescuGolden.ImplicitLittle, StorescuGolden.ExplicitLittle])],
            new UserInformation { MaximumLength = 4096 });

        await using Association requestor = await Association.RequestAsync("127.0.0.1", harness.EndPoint.Port, rq,
            AssociationOptions.Default, TimeProvider.System, NullLogger.Instance, ct);
        await using Association acceptor = (await accepting)!;
        byte[] payload = new byte[40_000];
        new Random(7).NextBytes(payload);
        Task sending = requestor.SendPDataAsync(1, false, new ReadOnlySequence<byte>(payload), ct).AsTask();
        var received = new List<byte>();
        bool last = false;
        while (!last)
        {
            PDataTfPdu pdu = (await acceptor.ReceiveAsync(ct))!;
            Assert.True(pdu.Values.Sum(v => v.Data.Length + PresentationDataValue.Overhead) <= 16384);
            foreach (PresentationDataValue v in pdu.Values)
            {
                received.AddRange(v.Data.ToArray());
                last = v.IsLast;
            }
        }

        await sending;
        Task releasing = requestor.ReleaseAsync(ct);
        Assert.Null(await acceptor.ReceiveAsync(ct));
        Assert.True(acceptor.ReleaseRequested);
        await acceptor.SendReleaseResponseAsync(ct);
        await releasing;

        Assert.Equal(payload, received);
        Assert.Equal(StorescuGolden.ExplicitLittle, requestor.Parameters.PresentationContexts[1].TransferSyntax);
        Assert.Equal(4096u, acceptor.Parameters.PeerMaxPduLength);
        Assert.Equal(UpperLayerState.Sta1, requestor.State);
        Assert.Equal(UpperLayerState.Sta1, acceptor.State);
        Assert.Null(requestor.BreakReason);
        Assert.Null(acceptor.BreakReason);
    }

    [Fact]
    public async Task Request_Rejected_ThrowsWithReason()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        using var harness = new AcceptorHarness();
        Task<Association?> accepting = harness.AcceptAsync(null, null, ct,
            AcceptorHarness.Policy with { AllowedCallingAeTitles = new HashSet<string>(StringComparer.Ordinal) { "MODALITY" } });
        var rq = new AAssociateRqPdu("PACSNODE", "SCU", [new PresentationContextRequest(1, "1.2.840.10008.1.1", ["1.2.840.10008.1.2"])],
            new UserInformation { MaximumLength = 4096 });

        var ex = await Assert.ThrowsAsync<AssociationRejectedException>(() => Association.RequestAsync("127.0.0.1",
            harness.EndPoint.Port, rq, AssociationOptions.Default, TimeProvider.System, NullLogger.Instance, ct));

        Assert.Null(await accepting.WaitAsync(ct));
        Assert.Equal((RejectResult.Permanent, RejectSource.ServiceUser), (ex.Result, ex.RejectSource));
        Assert.Equal(RejectReason.UserCallingAeTitleNotRecognized, ex.Reason);
    }
}
