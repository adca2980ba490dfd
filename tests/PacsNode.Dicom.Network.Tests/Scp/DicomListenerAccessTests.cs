using System.Net;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging.Abstractions;
using PacsNode.Dicom.Network.Scp;
using PacsNode.Dicom.Network.Tests.Upper;
using PacsNode.Dicom.Network.Upper;
using Xunit;

namespace PacsNode.Dicom.Network.Tests.Scp;

/// <summary>The listener's transport-level controls: DICOM over TLS, allowed networks, the shutdown grace period.</summary>
public sealed class DicomListenerAccessTests
{
    [Fact]
    public async Task Tls_ClientTrustingTheCertificate_AssociatesOverTls()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        using X509Certificate2 certificate = TestCertificate.Create();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        bool? handlerSawTls = null;
        var options = new DicomListenerOptions
        {
            Address = IPAddress.Loopback,
            Port = 0,
            Tls = DicomTls.Server(certificate, false, null),
        };
        await using var listener = new DicomListener(options, AcceptorHarness.Policy, async (a, token) =>
        {
            handlerSawTls = a.IsSecure;
            Assert.Null(await a.ReceiveAsync(token));
            await a.SendReleaseResponseAsync(token);
        }, TimeProvider.System, NullLogger.Instance);
        Task running = listener.RunAsync(stop.Token);

        await using (Association secure = await RequestAsync(listener, DicomTls.Client(null, [certificate]), ct))
        {
            Assert.True(secure.IsSecure);
            await secure.ReleaseAsync(ct);
        }

        Assert.True(handlerSawTls);
        await stop.CancelAsync();
        await running;
    }

    [Fact]
    public async Task Tls_ClientNotTrustingTheCertificateOrSpeakingPlainDicom_IsRefusedAndTheListenerKeepsServing()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        using X509Certificate2 certificate = TestCertificate.Create();
        using X509Certificate2 stranger = TestCertificate.Create("stranger");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var options = new DicomListenerOptions
        {
            Address = IPAddress.Loopback,
            Port = 0,
            Tls = DicomTls.Server(certificate, false, null),
            Association = AssociationOptions.Default with { ArtimTimeout = TimeSpan.FromSeconds(2) },
        };
        await using var listener = new DicomListener(options, AcceptorHarness.Policy, async (a, token) =>
        {
            Assert.Null(await a.ReceiveAsync(token));
            await a.SendReleaseResponseAsync(token);
        }, TimeProvider.System, NullLogger.Instance);
        Task running = listener.RunAsync(stop.Token);

        await Assert.ThrowsAsync<AuthenticationException>(() => RequestAsync(listener, DicomTls.Client(null, [stranger]), ct));
        await Assert.ThrowsAsync<AssociationAbortedException>(() => RequestAsync(listener, null, ct));
        await using (Association secure = await RequestAsync(listener, DicomTls.Client(null, [certificate]), ct))
        {
            await secure.ReleaseAsync(ct);
        }

        await stop.CancelAsync();
        await running;
    }

    [Fact]
    public async Task Tls_ClientCertificateRequired_OnlyATrustedClientAssociates()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        using X509Certificate2 server = TestCertificate.Create();
        using X509Certificate2 client = TestCertificate.Create("modality");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var options = new DicomListenerOptions
        {
            Address = IPAddress.Loopback,
            Port = 0,
            Tls = DicomTls.Server(server, true, [client]),
        };
        await using var listener = new DicomListener(options, AcceptorHarness.Policy, async (a, token) =>
        {
            Assert.Null(await a.ReceiveAsync(token));
            await a.SendReleaseResponseAsync(token);
        }, TimeProvider.System, NullLogger.Instance);
        Task running = listener.RunAsync(stop.Token);

        await Assert.ThrowsAnyAsync<Exception>(() => RequestAsync(listener, DicomTls.Client(null, [server]), ct));
        await using (Association secure = await RequestAsync(listener, DicomTls.Client(client, [server]), ct))
        {
            await secure.ReleaseAsync(ct);
        }

        await stop.CancelAsync();
        await running;
    }

    [Fact]
    public async Task AllowedNetworks_PeerOutside_IsClosedWithoutAnswerAndInsideIsServed()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        DicomListener Create(string network) => new(
            new DicomListenerOptions { Address = IPAddress.Loopback, Port = 0, AllowedNetworks = [IPNetwork.Parse(network)] },
            AcceptorHarness.Policy, async (a, token) =>
            {
                Assert.Null(await a.ReceiveAsync(token));
                await a.SendReleaseResponseAsync(token);
            }, TimeProvider.System, NullLogger.Instance);
        await using DicomListener outside = Create("10.0.0.0/8");
        await using DicomListener inside = Create("127.0.0.0/8");
        Task[] running = [outside.RunAsync(stop.Token), inside.RunAsync(stop.Token)];

        var refused = await Assert.ThrowsAsync<AssociationAbortedException>(() => RequestAsync(outside, null, ct));
        await using (Association served = await RequestAsync(inside, null, ct))
        {
            await served.ReleaseAsync(ct);
        }

        // The listener closes the socket unread: the requester sees either end of stream or a reset (the OS picks,
        // depending on whether the A-ASSOCIATE-RQ was still unread in the receive buffer), never an A-ASSOCIATE-AC/RJ.
        Assert.True(refused.Message.Contains("closed", StringComparison.Ordinal)
            || refused.Message.Contains("transport connection failed", StringComparison.Ordinal), refused.Message);
        await stop.CancelAsync();
        await Task.WhenAll(running);
    }

    [Fact]
    public async Task Stop_WithGracePeriod_AnAssociationInProgressFinishesUncancelled()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var inHandler = new TaskCompletionSource();
        var proceed = new TaskCompletionSource();
        bool cancelledInHandler = true;
        var options = new DicomListenerOptions { Address = IPAddress.Loopback, Port = 0, ShutdownGracePeriod = TimeSpan.FromSeconds(30) };
        await using var listener = new DicomListener(options, AcceptorHarness.Policy, async (a, token) =>
        {
            inHandler.SetResult();
            await proceed.Task.WaitAsync(ct);
            cancelledInHandler = token.IsCancellationRequested;
            Assert.Null(await a.ReceiveAsync(token));
            await a.SendReleaseResponseAsync(token);
        }, TimeProvider.System, NullLogger.Instance);
        Task running = listener.RunAsync(stop.Token);

        await using Association association = await RequestAsync(listener, null, ct);
        await inHandler.Task.WaitAsync(ct);
        await stop.CancelAsync();
        await Task.Delay(100, ct);
        Assert.False(running.IsCompleted);
        proceed.SetResult();
        await association.ReleaseAsync(ct);
        await running.WaitAsync(TimeSpan.FromSeconds(10), ct);

        Assert.False(cancelledInHandler);
    }

    private static Task<Association> RequestAsync(
        DicomListener listener, System.Net.Security.SslClientAuthenticationOptions? tls, CancellationToken ct) =>
        Association.RequestAsync("127.0.0.1", listener.LocalEndPoint.Port, tls,
            new AAssociateRqPdu("PACSNODE", "SCU", [new PresentationContextRequest(1, "1.2.840.10008.1.1", ["1.2.840.10008.1.2"])],
                new UserInformation { MaximumLength = 16384 }),
            AssociationOptions.Default with { ArtimTimeout = TimeSpan.FromSeconds(5) }, TimeProvider.System, NullLogger.Instance, ct);
}
