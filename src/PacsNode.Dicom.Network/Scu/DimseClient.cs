using System.Buffers;
using Microsoft.Extensions.Logging;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.Network.Dimse;
using PacsNode.Dicom.Network.Upper;

namespace PacsNode.Dicom.Network.Scu;

/// <summary>
/// An association client for the Verification, Storage and Query/Retrieve SCU roles: one request at a time (asynchronous
/// operations window 1), no asynchronous operations window item proposed. Raw datasets are sent as they are, in a
/// transfer syntax the acceptor accepted for their SOP class; stored files (<see cref="InstanceFile"/>) are
/// transcoded when the peer accepted their SOP class only in another (uncompressed) syntax.
/// </summary>
public sealed partial class DimseClient : IAsyncDisposable
{
    private readonly DimseChannel _channel;
    private ushort _messageId;

    private DimseClient(Association association, string tempDirectory)
    {
        _channel = new DimseChannel(association, 1024 * 1024, tempDirectory);
    }

    public Association Association => _channel.Association;

    /// <summary>Connects and negotiates; every abstract syntax is proposed in its own context with its syntaxes.</summary>
    /// <exception cref="AssociationRejectedException">The peer rejected the association.</exception>
    public static async Task<DimseClient> ConnectAsync(
        DimseClientOptions options, TimeProvider timeProvider, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var contexts = new List<PresentationContextRequest>();
        int id = 1;
        foreach ((string abstractSyntax, IReadOnlyList<string> syntaxes) in options.PresentationContexts.Concat(
                     options.AdditionalPresentationContexts))
        {
            if (id > 255)
            {
                throw new ArgumentException("At most 128 presentation contexts can be proposed (PS3.8 9.3.2.2).", nameof(options));
            }

            contexts.Add(new PresentationContextRequest((byte)id, abstractSyntax, syntaxes));
            id += 2;
        }

        var request = new AAssociateRqPdu(options.CalledAeTitle, options.CallingAeTitle, contexts, new UserInformation
        {
            MaximumLength = options.Association.MaxPduLength,
            ImplementationClassUid = DicomImplementation.ClassUid,
            ImplementationVersionName = DicomImplementation.VersionName,
            RoleSelections = options.RoleSelections,
            UserIdentity = options.UserIdentity,
        });
        Association association = await Association.RequestAsync(options.Host, options.Port, options.Tls, request,
            options.Association, timeProvider, logger, cancellationToken).ConfigureAwait(false);
        return new DimseClient(association, options.TempDirectory);
    }

    /// <summary>Sends C-ECHO-RQ on the Verification context and returns the response status.</summary>
    public async Task<DicomStatus> EchoAsync(CancellationToken cancellationToken)
    {
        AcceptedPresentationContext context = FindContext(DicomUid.Verification, null);
        var request = new CEchoRequest(NextMessageId(), DicomUid.Verification);
        await _channel.SendAsync(context.Id, request.ToCommand(), null, cancellationToken).ConfigureAwait(false);
        CommandSet response = await ReceiveResponseAsync(CommandField.CEchoRsp, request.MessageId, cancellationToken)
            .ConfigureAwait(false);
        return response.Status;
    }

    /// <summary>Sends C-STORE-RQ with a dataset already encoded in <paramref name="transferSyntaxUid"/>.</summary>
    /// <exception cref="DicomException">No accepted context carries that SOP class in that transfer syntax.</exception>
    public async Task<CStoreResponse> StoreAsync(
        string sopClassUid, string sopInstanceUid, string transferSyntaxUid, ReadOnlySequence<byte> dataset,
        CancellationToken cancellationToken)
    {
        AcceptedPresentationContext context = FindContext(sopClassUid, transferSyntaxUid);
        var request = new CStoreRequest(NextMessageId(), sopClassUid, sopInstanceUid);
        await _channel.SendAsync(context.Id, request.ToCommand(), dataset, cancellationToken).ConfigureAwait(false);
        CommandSet response = await ReceiveResponseAsync(CommandField.CStoreRsp, request.MessageId, cancellationToken)
            .ConfigureAwait(false);
        return CStoreResponse.FromCommand(response);
    }

    public Task ReleaseAsync(CancellationToken cancellationToken) => Association.ReleaseAsync(cancellationToken);

    public ValueTask DisposeAsync() => Association.DisposeAsync();

    private ushort NextMessageId() => ++_messageId == 0 ? ++_messageId : _messageId;

    private AcceptedPresentationContext FindContext(string abstractSyntax, string? transferSyntax) =>
        Association.Parameters.PresentationContexts.Values.FirstOrDefault(c =>
            string.Equals(c.AbstractSyntax, abstractSyntax, StringComparison.Ordinal)
            && (transferSyntax is null || string.Equals(c.TransferSyntax, transferSyntax, StringComparison.Ordinal)))
        ?? throw new DicomException(
            $"The peer accepted no presentation context for {abstractSyntax}{(transferSyntax is null ? "" : " in " + transferSyntax)}.");

    private async Task<CommandSet> ReceiveResponseAsync(CommandField expected, ushort messageId, CancellationToken cancellationToken)
    {
        DimseMessage? message = await _channel.ReceiveAsync(cancellationToken).ConfigureAwait(false);
        if (message is null)
        {
            throw await Association.BreakAsync(
                new UpperLayerProtocolException(AbortReason.UnexpectedPdu, "the peer asked to release while a request was open"))
                .ConfigureAwait(false);
        }

        await using (message.ConfigureAwait(false))
        {
            if (message.Command.Field != expected || message.Command.MessageIdBeingRespondedTo != messageId)
            {
                throw await Association.BreakAsync(new UpperLayerProtocolException(AbortReason.UnexpectedPduParameter,
                    $"expected {expected} to message {messageId}, got {message.Command.Field}")).ConfigureAwait(false);
            }

            return message.Command;
        }
    }
}
