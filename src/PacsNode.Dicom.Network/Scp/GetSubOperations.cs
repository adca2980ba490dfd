using System.Buffers;
using PacsNode.Dicom.Network.Dimse;
using PacsNode.Dicom.Network.Upper;

namespace PacsNode.Dicom.Network.Scp;

/// <summary>
/// The C-STORE sub-operations of one C-GET, sent on the requesting association (PS3.4 C.4.3.3): the SCP acts as the
/// storage SCU. The requester must be able to act as storage SCP for the SOP class: a role selection item that
/// says it is not fails the sub-operation; a peer that sent no role selection item for the class is tolerated (some
/// SCUs omit it; DCMTK's getscu sends it). A C-CANCEL arriving while a C-STORE-RSP is awaited stops the C-GET
/// after that sub-operation.
/// </summary>
internal sealed class GetSubOperations(DimseChannel channel, IncomingMessages incoming, ushort getMessageId)
{
    private ushort _messageId;

    public bool Cancelled { get; private set; }

    /// <summary>The sub-operation's status (0110 when it could not be sent) and why it failed, if it did locally.</summary>
    public async Task<(DicomStatus Status, string? Comment)> StoreAsync(InstanceFile instance, CancellationToken cancellationToken)
    {
        AssociationParameters parameters = channel.Association.Parameters;
        RoleSelection? role = parameters.RoleSelections.FirstOrDefault(
            r => string.Equals(r.SopClassUid, instance.SopClassUid, StringComparison.Ordinal));
        if (role is { ScpRole: false })
        {
            return (DicomStatus.ProcessingFailure, $"the requester did not take the SCP role for {instance.SopClassUid}");
        }

        AcceptedPresentationContext? context = StorePayload.SelectContext(parameters.PresentationContexts.Values,
            instance.SopClassUid, instance.TransferSyntaxUid);
        if (context is null)
        {
            return (DicomStatus.ProcessingFailure, $"no accepted presentation context for {instance.SopClassUid}");
        }

        ReadOnlySequence<byte> payload;
        try
        {
            payload = await StorePayload.LoadAsync(instance, context.TransferSyntax, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is DicomException or IOException or UnauthorizedAccessException)
        {
            return (DicomStatus.ProcessingFailure, ex.Message);
        }

        _messageId = (ushort)(_messageId == ushort.MaxValue ? 1 : _messageId + 1);
        var request = new CStoreRequest(_messageId, instance.SopClassUid, instance.SopInstanceUid);
        await channel.SendAsync(context.Id, request.ToCommand(), payload, cancellationToken).ConfigureAwait(false);
        while (true)
        {
            DimseMessage? message = await incoming.NextAsync(cancellationToken).ConfigureAwait(false);
            if (message is null)
            {
                throw await channel.Association.BreakAsync(new UpperLayerProtocolException(AbortReason.UnexpectedPdu,
                    "the peer asked to release while a C-GET sub-operation was open")).ConfigureAwait(false);
            }

            await using (message.ConfigureAwait(false))
            {
                CommandSet command = message.Command;
                if (command.Field == CommandField.CCancelRq)
                {
                    // A C-CANCEL for a message that is not outstanding has nothing to stop (PS3.7 9.3.2.3).
                    Cancelled |= command.MessageIdBeingRespondedTo == getMessageId;
                    continue;
                }

                if (command.Field == CommandField.CStoreRsp && command.MessageIdBeingRespondedTo == _messageId)
                {
                    return (command.Status, null);
                }

                throw await channel.Association.BreakAsync(new UpperLayerProtocolException(AbortReason.UnexpectedPduParameter,
                    $"expected the C-STORE-RSP to message {_messageId}, got {command.Field}")).ConfigureAwait(false);
            }
        }
    }
}
