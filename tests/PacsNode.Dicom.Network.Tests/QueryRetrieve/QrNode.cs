using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.Network.Dimse;
using PacsNode.Dicom.Network.Scp;
using PacsNode.Dicom.Network.Scu;
using PacsNode.Dicom.Network.Upper;

namespace PacsNode.Dicom.Network.Tests.QueryRetrieve;

/// <summary>Our listener and dispatcher serving a <see cref="MemoryArchive"/> as AE "QRSCP" on a loopback port.</summary>
internal sealed class QrNode : IAsyncDisposable, IEchoScp
{
    public static readonly string[] QrSopClasses =
    [
        DicomUid.PatientRootQueryRetrieveInformationModelFind, DicomUid.PatientRootQueryRetrieveInformationModelMove,
        DicomUid.PatientRootQueryRetrieveInformationModelGet, DicomUid.StudyRootQueryRetrieveInformationModelFind,
        DicomUid.StudyRootQueryRetrieveInformationModelMove, DicomUid.StudyRootQueryRetrieveInformationModelGet,
    ];

    private static readonly string[] Uncompressed = [DicomUid.ExplicitVRLittleEndian, DicomUid.ImplicitVRLittleEndian];

    private readonly CancellationTokenSource _stop = new();
    private DicomListener _listener = null!;
    private Task _running = Task.CompletedTask;

    public int Port => _listener.LocalEndPoint.Port;

    public static QrNode Start(MemoryArchive archive)
    {
        var node = new QrNode();
        var syntaxes = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            [DicomUid.Verification] = Uncompressed,
            [DicomUid.PositronEmissionTomographyImageStorage] = [DicomUid.JPEGLosslessSV1, .. Uncompressed],
        };
        foreach (string uid in QrSopClasses)
        {
            syntaxes[uid] = Uncompressed;
        }

        var dispatcher = new DimseDispatcher(node, null, new DimseDispatcherOptions(), NullLogger.Instance)
        {
            QueryRetrieve = new QueryRetrieveRoles { Find = archive, Move = archive, Get = archive },
        };
        node._listener = new DicomListener(new DicomListenerOptions { Address = IPAddress.Loopback, Port = 0 },
            new AcceptorPolicy { AeTitle = "QRSCP", AbstractSyntaxes = syntaxes }, dispatcher.HandleAsync, TimeProvider.System,
            NullLogger.Instance);
        node._running = node._listener.RunAsync(node._stop.Token);
        return node;
    }

    public Task<DimseClient> ConnectAsync(CancellationToken ct, IReadOnlyList<RoleSelection>? roles = null, params string[] storageSyntaxes) =>
        DimseClient.ConnectAsync(new DimseClientOptions
        {
            Host = "127.0.0.1",
            Port = Port,
            CalledAeTitle = "QRSCP",
            CallingAeTitle = "OURSCU",
            RoleSelections = roles ?? [],
            PresentationContexts = QrSopClasses.Append(DicomUid.Verification)
                .ToDictionary(u => u, _ => (IReadOnlyList<string>)Uncompressed, StringComparer.Ordinal)
                .Concat(storageSyntaxes.Length == 0 ? [] : [new KeyValuePair<string, IReadOnlyList<string>>(
                    DicomUid.PositronEmissionTomographyImageStorage, storageSyntaxes)])
                .ToDictionary(StringComparer.Ordinal),
        }, TimeProvider.System, NullLogger.Instance, ct);

    public ValueTask<DimseResult> OnCEchoAsync(AssociationParameters association, CEchoRequest request, CancellationToken cancellationToken) =>
        ValueTask.FromResult(DimseResult.Success);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _running;
        await _listener.DisposeAsync();
        _stop.Dispose();
    }
}
