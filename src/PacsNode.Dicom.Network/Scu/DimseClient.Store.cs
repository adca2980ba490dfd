using PacsNode.Dicom.Network.Dimse;
using PacsNode.Dicom.Network.Upper;

namespace PacsNode.Dicom.Network.Scu;

/// <summary>C-STORE of a stored file, transcoded when the peer accepted its SOP class only in another syntax.</summary>
public sealed partial class DimseClient
{
    /// <summary>
    /// Sends a Part 10 file: as stored when a context accepted its SOP class in its transfer syntax, else transcoded
    /// into an uncompressed syntax the peer accepted (pixel data decoded through the codec registry). Set the move
    /// originator when the store is a C-MOVE sub-operation.
    /// </summary>
    /// <exception cref="DicomException">No usable context, or the file cannot be read or transcoded.</exception>
    public async Task<CStoreResponse> StoreAsync(
        InstanceFile instance, string? moveOriginatorAeTitle, ushort? moveOriginatorMessageId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instance);
        AcceptedPresentationContext context = StorePayload.SelectContext(Association.Parameters.PresentationContexts.Values,
                instance.SopClassUid, instance.TransferSyntaxUid)
            ?? throw new DicomException(
                $"The peer accepted {instance.SopClassUid} in no syntax this client can send {instance.SopInstanceUid} in.");
        var payload = await StorePayload.LoadAsync(instance, context.TransferSyntax, cancellationToken).ConfigureAwait(false);
        var request = new CStoreRequest(NextMessageId(), instance.SopClassUid, instance.SopInstanceUid)
        {
            MoveOriginatorAeTitle = moveOriginatorAeTitle,
            MoveOriginatorMessageId = moveOriginatorMessageId,
        };
        await _channel.SendAsync(context.Id, request.ToCommand(), payload, cancellationToken).ConfigureAwait(false);
        CommandSet response = await ReceiveResponseAsync(CommandField.CStoreRsp, request.MessageId, cancellationToken)
            .ConfigureAwait(false);
        return CStoreResponse.FromCommand(response);
    }
}
