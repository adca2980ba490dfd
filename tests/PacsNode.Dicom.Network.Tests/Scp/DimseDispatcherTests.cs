using System.Buffers;
using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.Network.Dimse;
using PacsNode.Dicom.Network.Scp;
using PacsNode.Dicom.Network.Scu;
using PacsNode.Dicom.Network.Upper;
using Xunit;

namespace PacsNode.Dicom.Network.Tests.Scp;

/// <summary>Our SCU against our listener and dispatcher: the DIMSE failure boundary keeps the association up.</summary>
public sealed class DimseDispatcherTests
{
    private const string Pet = DicomUid.PositronEmissionTomographyImageStorage;

    [Fact]
    public async Task Store_HandlerThrowsIOException_AnsweredA700AndTheAssociationStaysUp()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using var served = Served.Start(new ThrowingStore(new IOException("disk full")), ct);
        await using DimseClient client = await served.ConnectAsync(ct);

        CStoreResponse failed = await client.StoreAsync(Pet, "1.2.3.4", DicomUid.ImplicitVRLittleEndian,
            new ReadOnlySequence<byte>(new byte[] { 0x08, 0, 0x18, 0, 0, 0, 0, 0 }), ct);
        DicomStatus echo = await client.EchoAsync(ct);
        await client.ReleaseAsync(ct);

        Assert.Equal(StoreStatus.OutOfResources, failed.Status);
        Assert.Equal("disk full", failed.ErrorComment);
        Assert.Equal("1.2.3.4", failed.AffectedSopInstanceUid);
        Assert.Equal(DicomStatus.Success, echo);
    }

    [Fact]
    public async Task Store_HandlerBug_AnsweredC000WithTheMessage()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using var served = Served.Start(new ThrowingStore(new InvalidOperationException("bug")), ct);
        await using DimseClient client = await served.ConnectAsync(ct);

        CStoreResponse failed = await client.StoreAsync(Pet, "1.2.3.4", DicomUid.ImplicitVRLittleEndian,
            new ReadOnlySequence<byte>(new byte[8]), ct);
        await client.ReleaseAsync(ct);

        Assert.Equal(StoreStatus.CannotUnderstand, failed.Status);
        Assert.Equal(StatusCategory.Failure, failed.Status.Category);
    }

    [Fact]
    public async Task Store_NoStoreRole_AnsweredUnrecognizedOperation()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using var served = Served.Start(null, ct);
        await using DimseClient client = await served.ConnectAsync(ct);

        CStoreResponse response = await client.StoreAsync(Pet, "1.2.3.4", DicomUid.ImplicitVRLittleEndian,
            new ReadOnlySequence<byte>(new byte[8]), ct);
        await client.ReleaseAsync(ct);

        Assert.Equal(DicomStatus.UnrecognizedOperation, response.Status);
    }

    private sealed class ThrowingStore(Exception exception) : IStoreScp
    {
        public ValueTask<DimseResult> OnCStoreAsync(
            AssociationParameters association, CStoreRequest request, string transferSyntaxUid, DatasetSpool dataset,
            CancellationToken cancellationToken) => throw exception;
    }

    private sealed class EchoRole : IEchoScp
    {
        public ValueTask<DimseResult> OnCEchoAsync(AssociationParameters association, CEchoRequest request, CancellationToken cancellationToken) =>
            ValueTask.FromResult(DimseResult.Success);
    }

    private sealed class Served(DicomListener listener, Task running, CancellationTokenSource stop) : IAsyncDisposable
    {
        public static Served Start(IStoreScp? store, CancellationToken ct)
        {
            var syntaxes = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
            {
                [DicomUid.Verification] = [DicomUid.ImplicitVRLittleEndian],
                [Pet] = [DicomUid.ImplicitVRLittleEndian],
            };
            var dispatcher = new DimseDispatcher(new EchoRole(), store, new DimseDispatcherOptions(), NullLogger.Instance);
            var listener = new DicomListener(new DicomListenerOptions { Address = IPAddress.Loopback, Port = 0 },
                new AcceptorPolicy { AeTitle = "PACSNODE", AbstractSyntaxes = syntaxes }, dispatcher.HandleAsync,
                TimeProvider.System, NullLogger.Instance);
            var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            return new Served(listener, listener.RunAsync(stop.Token), stop);
        }

        public Task<DimseClient> ConnectAsync(CancellationToken ct) => DimseClient.ConnectAsync(new DimseClientOptions
        {
            Host = "127.0.0.1",
            Port = listener.LocalEndPoint.Port,
            CalledAeTitle = "PACSNODE",
            PresentationContexts = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
            {
                [DicomUid.Verification] = [DicomUid.ImplicitVRLittleEndian],
                [Pet] = [DicomUid.ImplicitVRLittleEndian],
            },
        }, TimeProvider.System, NullLogger.Instance, ct);

        public async ValueTask DisposeAsync()
        {
            await stop.CancelAsync();
            await running;
            await listener.DisposeAsync();
            stop.Dispose();
        }
    }
}
