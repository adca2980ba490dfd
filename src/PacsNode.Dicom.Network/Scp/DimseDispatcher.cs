using Microsoft.Extensions.Logging;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.Network.Dimse;
using PacsNode.Dicom.Network.Upper;

namespace PacsNode.Dicom.Network.Scp;

/// <summary>
/// Serves one association: receives DIMSE messages and hands C-ECHO and C-STORE to their roles, one at a time
/// (asynchronous operations window 1), until the peer releases. It is the DIMSE failure boundary of STYLE 3.4: an
/// exception from a role becomes a failure status (I/O: A700 out of resources; anything else: 0110 processing
/// failure, or C000 for a store) with an error comment, and the association stays up. A service we do not offer
/// is answered with 0211 (unrecognized operation).
/// </summary>
public sealed class DimseDispatcher(IEchoScp? echo, IStoreScp? store, DimseDispatcherOptions options, ILogger logger)
{
    private readonly QueryRetrieveHandler? _queryRetrieve;

    /// <summary>
    /// The C-FIND, C-MOVE and C-GET roles served (see <see cref="QueryRetrieveHandler"/>): pending responses per
    /// match or sub-operation, C-CANCEL honoured while they run (final status FE00). Without them those requests are
    /// answered 0211.
    /// </summary>
    public QueryRetrieveRoles? QueryRetrieve
    {
        get;
        init
        {
            field = value;
            _queryRetrieve = value is null ? null : new QueryRetrieveHandler(value, logger);
        }
    }

    /// <summary>Serves <paramref name="association"/> until release; suitable as a <see cref="DicomListener"/> handler.</summary>
    public async Task HandleAsync(Association association, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(association);
        var channel = new DimseChannel(association, options.SpoolThreshold, options.TempDirectory);
        var incoming = new IncomingMessages(channel);
        while (true)
        {
            DimseMessage? message = await incoming.NextAsync(cancellationToken).ConfigureAwait(false);
            if (message is null)
            {
                await association.SendReleaseResponseAsync(cancellationToken).ConfigureAwait(false);
                return;
            }

            await using (message.ConfigureAwait(false))
            {
                if (message.Command.Field == CommandField.CCancelRq)
                {
                    // C-CANCEL has no response (PS3.7 9.3.2.3). One that arrives here came after its operation ended.
                    continue;
                }

                if (_queryRetrieve?.Serves(message.Command.Field) == true)
                {
                    await _queryRetrieve.RunAsync(channel, incoming, message, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                CommandSet response = await AnswerAsync(association, message, cancellationToken).ConfigureAwait(false);
                await channel.SendAsync(message.PresentationContext.Id, response, null, cancellationToken).ConfigureAwait(false);
                DimseDispatcherLog.Answered(logger, association.Id, message.Command.Field.ToString(), message.Command.MessageId,
                    response.Status.ToString());
            }
        }
    }

    private async Task<CommandSet> AnswerAsync(Association association, DimseMessage message, CancellationToken cancellationToken)
    {
        CommandSet command = message.Command;
        AssociationParameters parameters = association.Parameters;
        switch (command.Field)
        {
            case CommandField.CEchoRq when echo is not null:
            {
                var request = CEchoRequest.FromCommand(command);
                DimseResult result = await GuardAsync(association, "C-ECHO", DicomStatus.ProcessingFailure,
                    () => echo.OnCEchoAsync(parameters, request, cancellationToken)).ConfigureAwait(false);
                return new CEchoResponse(request.MessageId, request.AffectedSopClassUid, result.Status).ToCommand()
                    .SetString(DicomTag.ErrorComment, DicomVR.LO, Cut(result.ErrorComment));
            }

            case CommandField.CStoreRq when store is not null && message.Dataset is not null:
            {
                var request = CStoreRequest.FromCommand(command);
                DimseResult result = await GuardAsync(association, "C-STORE", StoreStatus.CannotUnderstand,
                    () => store.OnCStoreAsync(parameters, request, message.PresentationContext.TransferSyntax, message.Dataset,
                        cancellationToken)).ConfigureAwait(false);
                return new CStoreResponse(
                    request.MessageId, request.AffectedSopClassUid, request.AffectedSopInstanceUid, result.Status)
                {
                    ErrorComment = result.ErrorComment,
                }.ToCommand();
            }

            default:
                return CommandSet.Create((CommandField)((ushort)command.Field | 0x8000), false)
                    .SetString(DicomTag.AffectedSOPClassUID, DicomVR.UI, command.AffectedSopClassUid)
                    .SetUInt16(DicomTag.MessageIDBeingRespondedTo, command.MessageId)
                    .SetUInt16(DicomTag.Status, DicomStatus.UnrecognizedOperation.Code);
        }
    }

    private async Task<DimseResult> GuardAsync(
        Association association, string what, DicomStatus failure, Func<ValueTask<DimseResult>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            DicomStatus status = ex is IOException or UnauthorizedAccessException ? StoreStatus.OutOfResources : failure;
            DimseDispatcherLog.HandlerFailed(logger, association.Id, what, status.ToString(), ex);
            return new DimseResult(status, Cut(ex.Message));
        }
    }

    private static string? Cut(string? comment) => comment is { Length: > 64 } c ? c[..64] : comment;
}
