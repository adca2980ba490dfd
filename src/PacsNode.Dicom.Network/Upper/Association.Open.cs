using System.Net.Security;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace PacsNode.Dicom.Network.Upper;

/// <summary>Opening an association, as acceptor or requestor.</summary>
public sealed partial class Association
{
    /// <summary>
    /// Acceptor: waits (at most the ARTIM time) for an A-ASSOCIATE-RQ on a connected socket, answers it under
    /// <paramref name="policy"/>, and returns the association, or null when it was rejected (the RJ is sent and
    /// the connection closed) or the peer closed before asking. Anything else aborts and throws.
    /// </summary>
    public static Task<Association?> AcceptAsync(
        Socket socket, AcceptorPolicy policy, AssociationOptions options, TimeProvider timeProvider, ILogger logger,
        CancellationToken cancellationToken) =>
        AcceptAsync(socket, null, policy, options, timeProvider, logger, cancellationToken);

    /// <summary>
    /// Acceptor over <paramref name="transport"/>, a stream that owns <paramref name="socket"/> (an authenticated
    /// <see cref="SslStream"/> for DICOM over TLS), or over the bare socket when it is null.
    /// </summary>
    public static async Task<Association?> AcceptAsync(
        Socket socket, Stream? transport, AcceptorPolicy policy, AssociationOptions options, TimeProvider timeProvider,
        ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(socket);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(options);
        var association = new Association(socket, transport, false, policy.MaxPduLength, options, timeProvider, logger);
        try
        {
            association._machine.Fire(UpperLayerEvent.Evt5);
            Pdu? pdu = await association.ReadPduAsync(null, cancellationToken).ConfigureAwait(false);
            if (pdu is null)
            {
                association._machine.Fire(UpperLayerEvent.Evt17);
                await association.DisposeAsync().ConfigureAwait(false);
                return null;
            }

            if (pdu is not AAssociateRqPdu request)
            {
                throw await association.UnexpectedAsync(pdu).ConfigureAwait(false);
            }

            association._machine.Fire(UpperLayerEvent.Evt6);
            NegotiationOutcome outcome = AssociationNegotiator.Negotiate(request, policy);
            if (outcome.Reject is { } reject)
            {
                NetworkLog.Rejected(logger, association.Id, request.CallingAeTitle, request.CalledAeTitle, reject.Source,
                    reject.Reason);
                association._machine.Fire(UpperLayerEvent.Evt8);
                await association.SendPduAsync(reject, cancellationToken).ConfigureAwait(false);
                await association.AwaitPeerCloseAsync(cancellationToken).ConfigureAwait(false);
                await association.DisposeAsync().ConfigureAwait(false);
                return null;
            }

            association._machine.Fire(UpperLayerEvent.Evt7);
            association.Parameters = outcome.Parameters!;
            await association.SendPduAsync(outcome.Accept!, cancellationToken).ConfigureAwait(false);
            NetworkLog.Accepted(logger, association.Id, request.CallingAeTitle, request.CalledAeTitle,
                association.Parameters.PresentationContexts.Count, association.Parameters.PeerMaxPduLength);
            return association;
        }
        catch
        {
            await association.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Requestor: connects, sends <paramref name="request"/>, and returns the established association.
    /// </summary>
    /// <exception cref="AssociationRejectedException">The peer answered with A-ASSOCIATE-RJ.</exception>
    public static Task<Association> RequestAsync(
        string host, int port, AAssociateRqPdu request, AssociationOptions options, TimeProvider timeProvider, ILogger logger,
        CancellationToken cancellationToken) =>
        RequestAsync(host, port, null, request, options, timeProvider, logger, cancellationToken);

    /// <summary>
    /// Requestor: connects, runs the TLS handshake first when <paramref name="tls"/> is given (PS3.15 B.1; the
    /// connect and the handshake together are bounded by the ARTIM time), sends <paramref name="request"/>, and
    /// returns the established association.
    /// </summary>
    /// <exception cref="AssociationRejectedException">The peer answered with A-ASSOCIATE-RJ.</exception>
    /// <exception cref="System.Security.Authentication.AuthenticationException">The TLS handshake failed.</exception>
    public static async Task<Association> RequestAsync(
        string host, int port, SslClientAuthenticationOptions? tls, AAssociateRqPdu request, AssociationOptions options,
        TimeProvider timeProvider, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        Stream? transport = null;
        try
        {
            using var connectTimeout = new CancellationTokenSource(options.ArtimTimeout, timeProvider);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, connectTimeout.Token);
            await socket.ConnectAsync(host, port, linked.Token).ConfigureAwait(false);
            if (tls is not null)
            {
                var ssl = new SslStream(new NetworkStream(socket, ownsSocket: true), leaveInnerStreamOpen: false);
                transport = ssl;
                tls.TargetHost ??= host;
                await ssl.AuthenticateAsClientAsync(tls, linked.Token).ConfigureAwait(false);
            }
        }
        catch
        {
            if (transport is not null)
            {
                await transport.DisposeAsync().ConfigureAwait(false);
            }

            socket.Dispose();
            throw;
        }

        uint ourMax = request.UserInformation.MaximumLength is { } m and > 0 ? m : options.MaxPduLength;
        var association = new Association(socket, transport, true, ourMax, options, timeProvider, logger);
        try
        {
            association._machine.Fire(UpperLayerEvent.Evt1);
            association._machine.Fire(UpperLayerEvent.Evt2);
            await association.SendPduAsync(request, cancellationToken).ConfigureAwait(false);
            Pdu? pdu = await association.ReadPduAsync(options.ArtimTimeout, cancellationToken).ConfigureAwait(false);
            switch (pdu)
            {
                case AAssociateAcPdu accept:
                    association._machine.Fire(UpperLayerEvent.Evt3);
                    association.Parameters = FromAccept(request, accept, ourMax);
                    NetworkLog.Accepted(logger, association.Id, request.CallingAeTitle, request.CalledAeTitle,
                        association.Parameters.PresentationContexts.Count, association.Parameters.PeerMaxPduLength);
                    return association;
                case AAssociateRjPdu reject:
                    association._machine.Fire(UpperLayerEvent.Evt4);
                    await association.CloseAsync().ConfigureAwait(false);
                    throw new AssociationRejectedException(reject);
                case null:
                    throw await association.FailAsync(UpperLayerEvent.Evt17,
                        new AssociationAbortedException("the peer closed the connection instead of answering"),
                        AbortReason.NotSpecified).ConfigureAwait(false);
                default:
                    throw await association.UnexpectedAsync(pdu).ConfigureAwait(false);
            }
        }
        catch
        {
            await association.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static AssociationParameters FromAccept(AAssociateRqPdu request, AAssociateAcPdu accept, uint ourMax)
    {
        var contexts = new Dictionary<byte, AcceptedPresentationContext>();
        foreach (PresentationContextResult result in accept.PresentationContexts)
        {
            PresentationContextRequest? proposed = request.PresentationContexts.FirstOrDefault(p => p.Id == result.Id);
            if (result.IsAccepted && proposed is not null)
            {
                contexts[result.Id] = new AcceptedPresentationContext(result.Id, proposed.AbstractSyntax, result.TransferSyntax);
            }
        }

        return new AssociationParameters
        {
            CallingAeTitle = request.CallingAeTitle,
            CalledAeTitle = request.CalledAeTitle,
            PresentationContexts = contexts,
            PeerMaxPduLength = accept.UserInformation.MaximumLength ?? 0,
            OurMaxPduLength = ourMax,
            PeerImplementationClassUid = accept.UserInformation.ImplementationClassUid,
            PeerImplementationVersionName = accept.UserInformation.ImplementationVersionName,
            RoleSelections = accept.UserInformation.RoleSelections,
        };
    }
}
