using System.Buffers;
using Microsoft.Extensions.Logging;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO;
using PacsNode.Dicom.Network.Dimse;
using PacsNode.Dicom.Network.Upper;

namespace PacsNode.Dicom.Network.Scp;

/// <summary>
/// Runs C-FIND, C-MOVE and C-GET for the dispatcher: decodes the identifier, asks the role, and sends the pending
/// and final responses itself. The role's exceptions are answered (A700 or A702 for I/O, C000 otherwise) and the
/// association stays up, as for C-ECHO and C-STORE.
/// </summary>
internal sealed partial class QueryRetrieveHandler(QueryRetrieveRoles roles, ILogger logger)
{
    /// <summary>Whether a role serves this command; if so <see cref="RunAsync"/> answers it.</summary>
    public bool Serves(CommandField field) => field switch
    {
        CommandField.CFindRq => roles.Find is not null,
        CommandField.CMoveRq => roles.Move is not null,
        CommandField.CGetRq => roles.Get is not null,
        _ => false,
    };

    public Task RunAsync(DimseChannel channel, IncomingMessages incoming, DimseMessage message, CancellationToken cancellationToken) =>
        message.Command.Field switch
        {
            CommandField.CFindRq => FindAsync(channel, incoming, message, cancellationToken),
            CommandField.CMoveRq => MoveAsync(channel, incoming, message, cancellationToken),
            _ => GetAsync(channel, incoming, message, cancellationToken),
        };

    private async Task FindAsync(DimseChannel channel, IncomingMessages incoming, DimseMessage message, CancellationToken cancellationToken)
    {
        var request = CFindRequest.FromCommand(message.Command);
        AcceptedPresentationContext context = message.PresentationContext;
        CFindResponse Final(DicomStatus status, string? comment = null) =>
            new(request.MessageId, request.AffectedSopClassUid, status) { ErrorComment = comment };

        DicomDataset? identifier = await DecodeIdentifierAsync(message, cancellationToken).ConfigureAwait(false);
        if (identifier is null)
        {
            await SendAsync(channel, context, Final(QueryRetrieveStatus.IdentifierDoesNotMatchSopClass, "the identifier cannot be decoded")
                .ToCommand(), null, cancellationToken).ConfigureAwait(false);
            return;
        }

        CFindResponse final;
        try
        {
            FindResult result = await roles.Find!.OnCFindAsync(channel.Association.Parameters, request, identifier, cancellationToken)
                .ConfigureAwait(false);
            if (result.Failure is { } failure)
            {
                final = Final(failure.Status, failure.ErrorComment) with { OffendingElements = result.OffendingElements };
            }
            else
            {
                final = Final(QueryRetrieveStatus.Success);
                DicomStatus pending = result.OptionalKeysNotSupported
                    ? QueryRetrieveStatus.PendingOptionalKeysNotSupported
                    : QueryRetrieveStatus.Pending;
                var syntax = DicomTransferSyntax.FromUid(context.TransferSyntax);
                incoming.Watch(cancellationToken);
                await foreach (DicomDataset match in result.Matches!.WithCancellation(cancellationToken).ConfigureAwait(false))
                {
                    if (await incoming.CancelRequestedAsync(request.MessageId, cancellationToken).ConfigureAwait(false))
                    {
                        final = Final(QueryRetrieveStatus.Cancel);
                        break;
                    }

                    await SendAsync(channel, context, Final(pending).ToCommand(),
                        new ReadOnlySequence<byte>(DicomDatasetCodec.Encode(match, syntax)), cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or UpperLayerProtocolException or AssociationAbortedException)
            && channel.Association.BreakReason is null)
        {
            DicomStatus status = ex is IOException or UnauthorizedAccessException
                ? QueryRetrieveStatus.OutOfResources
                : QueryRetrieveStatus.UnableToProcess;
            DimseDispatcherLog.HandlerFailed(logger, channel.Association.Id, "C-FIND", status.ToString(), ex);
            final = Final(status, ex.Message);
        }

        await SendAsync(channel, context, final.ToCommand(), null, cancellationToken).ConfigureAwait(false);
        DimseDispatcherLog.Answered(logger, channel.Association.Id, "CFindRq", request.MessageId, final.Status.ToString());
    }

    /// <summary>The identifier in the context's transfer syntax, or null when it cannot be decoded.</summary>
    private static async Task<DicomDataset?> DecodeIdentifierAsync(DimseMessage message, CancellationToken cancellationToken)
    {
        if (message.Dataset is not { } spool)
        {
            return null;
        }

        ReadOnlyMemory<byte> bytes;
        if (spool.IsInMemory)
        {
            bytes = spool.GetMemory().ToArray();
        }
        else
        {
            using var copy = new MemoryStream();
            await spool.CopyToAsync(copy, cancellationToken).ConfigureAwait(false);
            bytes = copy.ToArray();
        }

        try
        {
            return DicomDatasetCodec.Decode(new ReadOnlySequence<byte>(bytes),
                DicomTransferSyntax.FromUid(message.PresentationContext.TransferSyntax));
        }
        catch (Exception ex) when (ex is DicomException or ArgumentException)
        {
            return null;
        }
    }

    private static Task SendAsync(
        DimseChannel channel, AcceptedPresentationContext context, CommandSet command, ReadOnlySequence<byte>? dataset,
        CancellationToken cancellationToken) =>
        channel.SendAsync(context.Id, command, dataset, cancellationToken);

    /// <summary>The final response's identifier: Failed SOP Instance UID List (0008,0058), or nothing.</summary>
    private static ReadOnlySequence<byte>? FailedList(IReadOnlyList<string> failed, AcceptedPresentationContext context)
    {
        if (failed.Count == 0)
        {
            return null;
        }

        var identifier = new DicomDataset();
        identifier.SetString(DicomTag.FailedSOPInstanceUIDList, DicomVR.UI, string.Join('\\', failed));
        return new ReadOnlySequence<byte>(DicomDatasetCodec.Encode(identifier, DicomTransferSyntax.FromUid(context.TransferSyntax)));
    }
}
