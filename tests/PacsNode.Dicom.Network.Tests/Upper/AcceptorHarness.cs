using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using PacsNode.Dicom.Network.Upper;

namespace PacsNode.Dicom.Network.Tests.Upper;

/// <summary>A loopback listener whose one accepted socket goes to <c>Association.AcceptAsync</c>.</summary>
internal sealed class AcceptorHarness : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

    public AcceptorHarness()
    {
        _listener.Start();
    }

    public static AcceptorPolicy Policy { get; } = new()
    {
        AeTitle = "PACSNODE",
        AbstractSyntaxes = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            ["1.2.840.10008.1.1"] = ["1.2.840.10008.1.2"],
            [StorescuGolden.RtStructureSetStorage] = [StorescuGolden.ExplicitLittle, StorescuGolden.ImplicitLittle],
        },
        MaxPduLength = 16384,
    };

    public IPEndPoint EndPoint => (IPEndPoint)_listener.LocalEndpoint;

    public async Task<Association?> AcceptAsync(
        AssociationOptions? options, TimeProvider? time, CancellationToken ct, AcceptorPolicy? policy = null)
    {
        Socket socket = await _listener.AcceptSocketAsync(ct);
        return await Association.AcceptAsync(socket, policy ?? Policy, options ?? AssociationOptions.Default,
            time ?? TimeProvider.System, NullLogger.Instance, ct);
    }

    /// <summary>An A-ASSOCIATE-RQ to PACSNODE with one Verification context and the given maximum length.</summary>
    public static byte[] EchoRequest(uint maxLength = 16384, string called = "PACSNODE") => PduWriter.ToArray(
        new AAssociateRqPdu(called, "ECHOSCU",
            [new PresentationContextRequest(1, "1.2.840.10008.1.1", ["1.2.840.10008.1.2"])],
            new UserInformation { MaximumLength = maxLength, ImplementationClassUid = "1.2.3" }));

    public void Dispose() => _listener.Dispose();
}
