using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using PacsNode.Dicom.Network.Scp;
using PacsNode.Dicom.Network.Tests.Upper;
using PacsNode.Dicom.Network.Upper;
using Xunit;

namespace PacsNode.Dicom.Network.Tests.Scp;

public sealed class DicomListenerTests
{
    [Fact]
    public async Task Listener_AtItsLimit_RejectsTransientlyAndServesAgainAfterwards()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        var release = new TaskCompletionSource();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var options = new DicomListenerOptions { Address = IPAddress.Loopback, Port = 0, MaxAssociations = 1 };
        await using var listener = new DicomListener(options, AcceptorHarness.Policy, async (a, token) =>
        {
            await release.Task.WaitAsync(token);
            Assert.Null(await a.ReceiveAsync(token));
            await a.SendReleaseResponseAsync(token);
        }, TimeProvider.System, NullLogger.Instance);
        Task running = listener.RunAsync(stop.Token);

        await using Association first = await RequestAsync(listener, ct);
        var ex = await Assert.ThrowsAsync<AssociationRejectedException>(() => RequestAsync(listener, ct));
        release.SetResult();
        await first.ReleaseAsync(ct);
        await using Association third = await RetryAsync(() => RequestAsync(listener, ct), ct);
        await third.ReleaseAsync(ct);

        Assert.Equal((RejectResult.Transient, RejectSource.ServiceProviderPresentation, RejectReason.PresentationLocalLimitExceeded),
            (ex.Result, ex.RejectSource, ex.Reason));
        await stop.CancelAsync();
        await running;
    }

    [Fact]
    public async Task Listener_AfterGarbageAndAFailingHandler_KeepsServing()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        int calls = 0;
        var options = new DicomListenerOptions { Address = IPAddress.Loopback, Port = 0 };
        await using var listener = new DicomListener(options, AcceptorHarness.Policy, async (a, token) =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                throw new InvalidOperationException("handler bug");
            }

            Assert.Null(await a.ReceiveAsync(token));
            await a.SendReleaseResponseAsync(token);
        }, TimeProvider.System, NullLogger.Instance);
        Task running = listener.RunAsync(stop.Token);

        await using (RawPeer garbage = await RawPeer.ConnectAsync(listener.LocalEndPoint, ct))
        {
            await garbage.SendAsync(new byte[] { 0x99, 1, 2, 3, 4, 5, 6, 7 }, ct);
            Assert.Equal(0x07, (await garbage.ReadPduAsync(ct))![0]);
        }

        await using RawPeer failing = await RawPeer.ConnectAsync(listener.LocalEndPoint, ct);
        await failing.SendAsync(AcceptorHarness.EchoRequest(), ct);
        Assert.Equal(0x02, (await failing.ReadPduAsync(ct))![0]);
        Assert.Equal(new byte[] { 0x07, 0, 0, 0, 0, 4, 0, 0, 0, 0 }, await failing.ReadPduAsync(ct));

        await using Association good = await RequestAsync(listener, ct);
        await good.ReleaseAsync(ct);

        Assert.Equal(2, calls);
        await stop.CancelAsync();
        await running;
    }

    [Fact]
    public async Task Listener_IdleConnectionsBeyondTheLimit_DoNotBlockARealAssociation()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var options = new DicomListenerOptions { Address = IPAddress.Loopback, Port = 0, MaxAssociations = 2 };
        await using var listener = new DicomListener(options, AcceptorHarness.Policy, async (a, token) =>
        {
            Assert.Null(await a.ReceiveAsync(token));
            await a.SendReleaseResponseAsync(token);
        }, TimeProvider.System, NullLogger.Instance);
        Task running = listener.RunAsync(stop.Token);
        var idle = new List<RawPeer>();
        for (int i = 0; i < 20; i++)
        {
            idle.Add(await RawPeer.ConnectAsync(listener.LocalEndPoint, ct));
        }

        await using Association real = await RequestAsync(listener, ct);
        await real.ReleaseAsync(ct);

        Assert.Equal(UpperLayerState.Sta1, real.State);
        foreach (RawPeer peer in idle)
        {
            await peer.DisposeAsync();
        }

        await stop.CancelAsync();
        await running;
    }

    private static Task<Association> RequestAsync(DicomListener listener, CancellationToken ct) =>
        Association.RequestAsync("127.0.0.1", listener.LocalEndPoint.Port,
            new AAssociateRqPdu("PACSNODE", "SCU", [new PresentationContextRequest(1, "1.2.840.10008.1.1", ["1.2.840.10008.1.2"])],
                new UserInformation { MaximumLength = 16384 }),
            AssociationOptions.Default, TimeProvider.System, NullLogger.Instance, ct);

    /// <summary>The listener frees its slot just after the release completes on the wire; allow it a moment.</summary>
    private static async Task<Association> RetryAsync(Func<Task<Association>> request, CancellationToken ct)
    {
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                return await request();
            }
            catch (AssociationRejectedException) when (attempt < 50)
            {
                await Task.Delay(20, ct);
            }
        }
    }
}
