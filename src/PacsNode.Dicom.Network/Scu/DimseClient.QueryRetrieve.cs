using System.Buffers;
using System.Runtime.CompilerServices;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO;
using PacsNode.Dicom.Network.Dimse;
using PacsNode.Dicom.Network.Scp;
using PacsNode.Dicom.Network.Upper;

namespace PacsNode.Dicom.Network.Scu;

/// <summary>The Query/Retrieve SCU: C-FIND, C-MOVE and C-GET, one at a time.</summary>
public sealed partial class DimseClient
{
    /// <summary>
    /// Sends C-FIND-RQ under <paramref name="sopClassUid"/> (the information model, e.g. Study Root FIND) and yields
    /// each match. A consumer that stops early makes the client send C-CANCEL and read on to the final response, so
    /// the association stays usable. A final failure status throws <see cref="DimseStatusException"/>.
    /// </summary>
    public async IAsyncEnumerable<DicomDataset> FindAsync(
        string sopClassUid, DicomDataset identifier, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        AcceptedPresentationContext context = FindContext(sopClassUid, null);
        var request = new CFindRequest(NextMessageId(), sopClassUid);
        await SendIdentifierAsync(context, request.ToCommand(), identifier, cancellationToken).ConfigureAwait(false);
        bool finished = false;
        try
        {
            while (true)
            {
                CommandSet response;
                DicomDataset? match;
                DimseMessage message = await ReceiveOrBreakAsync(cancellationToken).ConfigureAwait(false);
                await using (message.ConfigureAwait(false))
                {
                    response = await ExpectAsync(message, CommandField.CFindRsp, request.MessageId).ConfigureAwait(false);
                    match = response.Status.Category == StatusCategory.Pending ? await DecodeAsync(message, cancellationToken).ConfigureAwait(false) : null;
                }

                if (response.Status.Category != StatusCategory.Pending)
                {
                    finished = true;
                    ThrowOnFailure(response);
                    yield break;
                }

                if (match is not null)
                {
                    yield return match;
                }
            }
        }
        finally
        {
            if (!finished && Association.BreakReason is null && !cancellationToken.IsCancellationRequested)
            {
                await CancelAndDrainAsync(context, request.MessageId, CommandField.CFindRsp, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Sends C-MOVE-RQ and waits for the final response; the instances go to <paramref name="destinationAeTitle"/>.
    /// Cancelling <paramref name="cancellationToken"/> after the request is sent sends C-CANCEL; the call then still
    /// returns the peer's final response (usually FE00 Cancel with the remaining count), its wait bounded by the
    /// association's idle timeout.
    /// </summary>
    public async Task<RetrieveOutcome> MoveAsync(
        string sopClassUid, string destinationAeTitle, DicomDataset identifier, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        AcceptedPresentationContext context = FindContext(sopClassUid, null);
        var request = new CMoveRequest(NextMessageId(), sopClassUid, destinationAeTitle);
        await SendIdentifierAsync(context, request.ToCommand(), identifier, cancellationToken).ConfigureAwait(false);
        var cancel = new CancelSender(_channel, context.Id, request.MessageId);
        await using (cancel.ConfigureAwait(false))
        {
            using CancellationTokenRegistration registration = cancellationToken.Register(cancel.Send);
            while (true)
            {
                DimseMessage message = await ReceiveOrBreakAsync(CancellationToken.None).ConfigureAwait(false);
                await using (message.ConfigureAwait(false))
                {
                    CommandSet response = await ExpectAsync(message, CommandField.CMoveRsp, request.MessageId).ConfigureAwait(false);
                    if (response.Status.Category != StatusCategory.Pending)
                    {
                        return await OutcomeAsync(message, CMoveResponse.FromCommand(response).Counts, CancellationToken.None)
                            .ConfigureAwait(false);
                    }
                }
            }
        }
    }

    /// <summary>
    /// Sends C-GET-RQ and hands each incoming C-STORE sub-operation to <paramref name="sink"/>, answering it with
    /// the sink's status (an exception from the sink answers A700 for I/O, C000 otherwise), until the final C-GET-RSP.
    /// Connect with storage contexts and SCP role selection for the SOP classes expected (see
    /// <see cref="DimseClientOptions.RoleSelections"/>). Cancellation sends C-CANCEL, as for <see cref="MoveAsync"/>.
    /// </summary>
    public async Task<RetrieveOutcome> GetAsync(
        string sopClassUid, DicomDataset identifier, IStoreScp sink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        ArgumentNullException.ThrowIfNull(sink);
        AcceptedPresentationContext context = FindContext(sopClassUid, null);
        var request = new CGetRequest(NextMessageId(), sopClassUid);
        await SendIdentifierAsync(context, request.ToCommand(), identifier, cancellationToken).ConfigureAwait(false);
        var cancel = new CancelSender(_channel, context.Id, request.MessageId);
        await using (cancel.ConfigureAwait(false))
        {
            using CancellationTokenRegistration registration = cancellationToken.Register(cancel.Send);
            while (true)
            {
                DimseMessage message = await ReceiveOrBreakAsync(CancellationToken.None).ConfigureAwait(false);
                await using (message.ConfigureAwait(false))
                {
                    if (message.Command.Field == CommandField.CStoreRq && message.Dataset is not null)
                    {
                        await AnswerSubOperationAsync(message, sink, CancellationToken.None).ConfigureAwait(false);
                        continue;
                    }

                    CommandSet response = await ExpectAsync(message, CommandField.CGetRsp, request.MessageId).ConfigureAwait(false);
                    if (response.Status.Category != StatusCategory.Pending)
                    {
                        return await OutcomeAsync(message, CGetResponse.FromCommand(response).Counts, CancellationToken.None)
                            .ConfigureAwait(false);
                    }
                }
            }
        }
    }

    private async Task AnswerSubOperationAsync(DimseMessage message, IStoreScp sink, CancellationToken cancellationToken)
    {
        var store = CStoreRequest.FromCommand(message.Command);
        DimseResult result;
        try
        {
            result = await sink.OnCStoreAsync(Association.Parameters, store, message.PresentationContext.TransferSyntax, message.Dataset!,
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            result = new DimseResult(ex is IOException or UnauthorizedAccessException ? StoreStatus.OutOfResources : StoreStatus.CannotUnderstand,
                ex.Message);
        }

        var response = new CStoreResponse(store.MessageId, store.AffectedSopClassUid, store.AffectedSopInstanceUid, result.Status)
        {
            ErrorComment = result.ErrorComment,
        };
        await _channel.SendAsync(message.PresentationContext.Id, response.ToCommand(), null, cancellationToken).ConfigureAwait(false);
    }

    private async Task SendIdentifierAsync(
        AcceptedPresentationContext context, CommandSet command, DicomDataset identifier, CancellationToken cancellationToken)
    {
        byte[] encoded = DicomDatasetCodec.Encode(identifier, DicomTransferSyntax.FromUid(context.TransferSyntax));
        await _channel.SendAsync(context.Id, command, new ReadOnlySequence<byte>(encoded), cancellationToken).ConfigureAwait(false);
    }

    private async Task CancelAndDrainAsync(
        AcceptedPresentationContext context, ushort messageId, CommandField expected, CancellationToken cancellationToken)
    {
        await _channel.SendAsync(context.Id, new CCancelRequest(messageId).ToCommand(), null, cancellationToken).ConfigureAwait(false);
        while (true)
        {
            DimseMessage message = await ReceiveOrBreakAsync(cancellationToken).ConfigureAwait(false);
            await using (message.ConfigureAwait(false))
            {
                CommandSet response = await ExpectAsync(message, expected, messageId).ConfigureAwait(false);
                if (response.Status.Category != StatusCategory.Pending)
                {
                    return;
                }
            }
        }
    }

    private static async Task<RetrieveOutcome> OutcomeAsync(DimseMessage message, SubOperationCounts counts, CancellationToken cancellationToken)
    {
        CommandSet response = message.Command;
        IReadOnlyList<string> failed = message.Dataset is null
            ? []
            : (await DecodeAsync(message, cancellationToken).ConfigureAwait(false))?.GetStrings(DicomTag.FailedSOPInstanceUIDList) ?? [];
        string? comment = response.Dataset.GetString(DicomTag.ErrorComment);
        if (response.Status.Category == StatusCategory.Failure && counts.Completed == 0 && counts.Failed == 0 && counts.Warning == 0)
        {
            throw new DimseStatusException(response.Status, comment);
        }

        return new RetrieveOutcome(response.Status, counts, failed, comment);
    }

    private static void ThrowOnFailure(CommandSet response)
    {
        if (response.Status.Category == StatusCategory.Failure)
        {
            throw new DimseStatusException(response.Status, response.Dataset.GetString(DicomTag.ErrorComment));
        }
    }

    private static async Task<DicomDataset?> DecodeAsync(DimseMessage message, CancellationToken cancellationToken)
    {
        if (message.Dataset is not { } spool)
        {
            return null;
        }

        using var copy = new MemoryStream();
        await spool.CopyToAsync(copy, cancellationToken).ConfigureAwait(false);
        return DicomDatasetCodec.Decode(new ReadOnlySequence<byte>(copy.ToArray()),
            DicomTransferSyntax.FromUid(message.PresentationContext.TransferSyntax));
    }

    private async Task<DimseMessage> ReceiveOrBreakAsync(CancellationToken cancellationToken) =>
        await _channel.ReceiveAsync(cancellationToken).ConfigureAwait(false)
        ?? throw await Association.BreakAsync(
            new UpperLayerProtocolException(AbortReason.UnexpectedPdu, "the peer asked to release while a request was open"))
            .ConfigureAwait(false);

    private async Task<CommandSet> ExpectAsync(DimseMessage message, CommandField expected, ushort messageId)
    {
        if (message.Command.Field != expected || message.Command.MessageIdBeingRespondedTo != messageId)
        {
            throw await Association.BreakAsync(new UpperLayerProtocolException(AbortReason.UnexpectedPduParameter,
                $"expected {expected} to message {messageId}, got {message.Command.Field}")).ConfigureAwait(false);
        }

        return message.Command;
    }
}
