using System.Buffers;
using Microsoft.Extensions.Logging.Abstractions;
using PacsNode.Dicom.Network.Dimse;
using PacsNode.Dicom.Network.Tests.Upper;
using PacsNode.Dicom.Network.Upper;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Dicom.Network.Tests.Dimse;

public sealed class DimseChannelTests
{
    [Fact]
    public async Task Receive_LargeStoreInManyFragments_ReassemblesIntoASpoolFile()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        using var temp = new TempDirectory();
        using var harness = new AcceptorHarness();
        Task<Association?> accepting = harness.AcceptAsync(null, null, ct);
        await using Association requestor = await RequestAsync(harness, maxPdu: 4096, ct);
        await using Association acceptor = (await accepting)!;
        byte[] dataset = new byte[100_000];
        new Random(3).NextBytes(dataset);
        var sender = new DimseChannel(requestor, 1 << 20, temp.FullPath);
        var receiver = new DimseChannel(acceptor, 10_000, temp.FullPath);
        var rq = new CStoreRequest(5, StorescuGolden.RtStructureSetStorage, "1.2.3.4");

        Task sending = sender.SendAsync(1, rq.ToCommand(), new ReadOnlySequence<byte>(dataset), ct);
        await using DimseMessage message = (await receiver.ReceiveAsync(ct))!;
        await sending;
        using var copy = new MemoryStream();
        await message.Dataset!.CopyToAsync(copy, ct);

        Assert.Equal(rq, CStoreRequest.FromCommand(message.Command));
        Assert.False(message.Dataset.IsInMemory);
        Assert.Equal(dataset, copy.ToArray());
        Assert.Equal(StorescuGolden.ExplicitLittle, message.PresentationContext.TransferSyntax);
    }

    [Fact]
    public async Task Receive_DatasetBeforeCommand_AbortsTheAssociation()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        using var temp = new TempDirectory();
        using var harness = new AcceptorHarness();
        Task<Association?> accepting = harness.AcceptAsync(null, null, ct);
        await using Association requestor = await RequestAsync(harness, maxPdu: 4096, ct);
        await using Association acceptor = (await accepting)!;
        var receiver = new DimseChannel(acceptor, 10_000, temp.FullPath);

        await requestor.SendPDataAsync(1, false, new ReadOnlySequence<byte>(new byte[10]), ct);

        var ex = await Assert.ThrowsAsync<UpperLayerProtocolException>(() => receiver.ReceiveAsync(ct));
        Assert.Contains("before the end of its command", ex.Message, StringComparison.Ordinal);
        Assert.Same(ex, acceptor.BreakReason);
        await Assert.ThrowsAsync<AssociationAbortedException>(async () => await requestor.ReceiveAsync(ct));
    }

    [Fact]
    public async Task Receive_PdvForUnacceptedContext_AbortsTheAssociation()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        using var temp = new TempDirectory();
        using var harness = new AcceptorHarness();
        await using RawPeer peer = await RawPeer.ConnectAsync(harness.EndPoint, ct);
        Task<Association?> accepting = harness.AcceptAsync(null, null, ct);
        await peer.SendAsync(AcceptorHarness.EchoRequest(), ct);
        await using Association acceptor = (await accepting)!;
        await peer.ReadPduAsync(ct);
        var receiver = new DimseChannel(acceptor, 10_000, temp.FullPath);

        await peer.SendAsync([0x04, 0, 0, 0, 0, 7, 0, 0, 0, 3, 9, 3, 0], ct);

        var ex = await Assert.ThrowsAsync<UpperLayerProtocolException>(() => receiver.ReceiveAsync(ct));
        Assert.Contains("context 9", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0x07, (await peer.ReadPduAsync(ct))![0]);
    }

    private static Task<Association> RequestAsync(AcceptorHarness harness, uint maxPdu, CancellationToken ct) =>
        Association.RequestAsync("127.0.0.1", harness.EndPoint.Port,
            new AAssociateRqPdu("PACSNODE", "SCU",
                [new PresentationContextRequest(1, StorescuGolden.RtStructureSetStorage, [StorescuGolden.ExplicitLittle])],
                new UserInformation { MaximumLength = maxPdu }),
            AssociationOptions.Default, TimeProvider.System, NullLogger.Instance, ct);
}
