using System.Net.Sockets;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Network.Dimse;
using PacsNode.Dicom.Network.Scu;
using PacsNode.Dicom.Network.Upper;

namespace PacsNode.Dicom.Network.Scp;

/// <summary>C-MOVE and C-GET: the C-STORE sub-operations and their counting.</summary>
internal sealed partial class QueryRetrieveHandler
{
    private async Task MoveAsync(DimseChannel channel, IncomingMessages incoming, DimseMessage message, CancellationToken cancellationToken)
    {
        var request = CMoveRequest.FromCommand(message.Command);
        AssociationParameters parameters = channel.Association.Parameters;
        Task AnswerAsync(DicomStatus status, SubOperationCounts counts, string? comment, IReadOnlyList<string> failed)
        {
            var response = new CMoveResponse(request.MessageId, request.AffectedSopClassUid, status, counts)
            {
                ErrorComment = comment,
                HasIdentifier = failed.Count > 0 && status.Category != StatusCategory.Pending,
            };
            DimseDispatcherLog.Answered(logger, channel.Association.Id, "CMoveRq", request.MessageId, status.ToString());
            return SendAsync(channel, message.PresentationContext, response.ToCommand(),
                response.HasIdentifier ? FailedList(failed, message.PresentationContext) : null, cancellationToken);
        }

        var none = new SubOperationCounts(null, 0, 0, 0);
        RetrieveResult result;
        MoveDestination? destination = null;
        try
        {
            destination = await roles.Move!.ResolveDestinationAsync(parameters, request.MoveDestination, cancellationToken)
                .ConfigureAwait(false);
            if (destination is null)
            {
                await AnswerAsync(QueryRetrieveStatus.MoveDestinationUnknown, none,
                    $"move destination {request.MoveDestination} unknown", []).ConfigureAwait(false);
                return;
            }

            DicomDataset? identifier = await DecodeIdentifierAsync(message, cancellationToken).ConfigureAwait(false);
            result = identifier is null
                ? RetrieveResult.Failed(new DimseResult(QueryRetrieveStatus.IdentifierDoesNotMatchSopClass, "the identifier cannot be decoded"))
                : await roles.Move.OnCMoveAsync(parameters, request, identifier, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsRoleFailure(ex, channel))
        {
            result = RetrieveResult.Failed(RoleFailure("C-MOVE", channel, ex));
        }

        if (result.Failure is { } failure)
        {
            await AnswerAsync(failure.Status, none, failure.ErrorComment, []).ConfigureAwait(false);
            return;
        }

        MoveDestination target = destination!; // resolved above whenever there is no failure

        IReadOnlyList<InstanceFile> instances = result.Instances!;
        var tally = new SubOperationTally(instances.Count);
        bool cancelled = false;
        string? comment = null;
        if (instances.Count > 0)
        {
            incoming.Watch(cancellationToken);
            DimseClient? client = null;
            try
            {
                client = await DimseClient.ConnectAsync(SubOperationClient(parameters, target, instances), channel.Association.TimeProvider,
                    logger, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (IsTransportFailure(ex, cancellationToken))
            {
                comment = $"cannot associate with {target.AeTitle}: {ex.Message}";
                DimseDispatcherLog.MoveDestinationFailed(logger, channel.Association.Id, comment, ex);
            }

            if (client is not null)
            {
                await using (client.ConfigureAwait(false))
                {
                    foreach (InstanceFile instance in instances)
                    {
                        if (await incoming.CancelRequestedAsync(request.MessageId, cancellationToken).ConfigureAwait(false))
                        {
                            cancelled = true;
                            break;
                        }

                        if (client.Association.BreakReason is not null)
                        {
                            tally.Record(instance.SopInstanceUid, DicomStatus.ProcessingFailure);
                            continue;
                        }

                        tally.Record(instance.SopInstanceUid,
                            await StoreSubOperationAsync(client, instance, parameters.CallingAeTitle, request.MessageId, cancellationToken)
                                .ConfigureAwait(false));
                        if (tally.Remaining > 0)
                        {
                            await AnswerAsync(QueryRetrieveStatus.Pending, tally.Pending, null, []).ConfigureAwait(false);
                        }
                    }

                    await ReleaseQuietlyAsync(client, cancellationToken).ConfigureAwait(false);
                }
            }
            else
            {
                foreach (InstanceFile instance in instances)
                {
                    tally.Record(instance.SopInstanceUid, DicomStatus.ProcessingFailure);
                }
            }
        }

        await AnswerAsync(tally.FinalStatus(cancelled), tally.Final(cancelled), comment, tally.FailedSopInstanceUids).ConfigureAwait(false);
    }

    private async Task GetAsync(DimseChannel channel, IncomingMessages incoming, DimseMessage message, CancellationToken cancellationToken)
    {
        var request = CGetRequest.FromCommand(message.Command);
        AssociationParameters parameters = channel.Association.Parameters;
        Task AnswerAsync(DicomStatus status, SubOperationCounts counts, string? comment, IReadOnlyList<string> failed)
        {
            var response = new CGetResponse(request.MessageId, request.AffectedSopClassUid, status, counts)
            {
                ErrorComment = comment,
                HasIdentifier = failed.Count > 0 && status.Category != StatusCategory.Pending,
            };
            DimseDispatcherLog.Answered(logger, channel.Association.Id, "CGetRq", request.MessageId, status.ToString());
            return SendAsync(channel, message.PresentationContext, response.ToCommand(),
                response.HasIdentifier ? FailedList(failed, message.PresentationContext) : null, cancellationToken);
        }

        RetrieveResult result;
        try
        {
            DicomDataset? identifier = await DecodeIdentifierAsync(message, cancellationToken).ConfigureAwait(false);
            result = identifier is null
                ? RetrieveResult.Failed(new DimseResult(QueryRetrieveStatus.IdentifierDoesNotMatchSopClass, "the identifier cannot be decoded"))
                : await roles.Get!.OnCGetAsync(parameters, request, identifier, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsRoleFailure(ex, channel))
        {
            result = RetrieveResult.Failed(RoleFailure("C-GET", channel, ex));
        }

        if (result.Failure is { } failure)
        {
            await AnswerAsync(failure.Status, new SubOperationCounts(null, 0, 0, 0), failure.ErrorComment, []).ConfigureAwait(false);
            return;
        }

        var tally = new SubOperationTally(result.Instances!.Count);
        var sender = new GetSubOperations(channel, incoming, request.MessageId);
        string? comment = null;
        foreach (InstanceFile instance in result.Instances!)
        {
            (DicomStatus status, string? why) = await sender.StoreAsync(instance, cancellationToken).ConfigureAwait(false);
            comment ??= why;
            tally.Record(instance.SopInstanceUid, status);
            if (sender.Cancelled)
            {
                break;
            }

            if (tally.Remaining > 0)
            {
                await AnswerAsync(QueryRetrieveStatus.Pending, tally.Pending, null, []).ConfigureAwait(false);
            }
        }

        await AnswerAsync(tally.FinalStatus(sender.Cancelled), tally.Final(sender.Cancelled), comment, tally.FailedSopInstanceUids)
            .ConfigureAwait(false);
    }

    private async Task<DicomStatus> StoreSubOperationAsync(
        DimseClient client, InstanceFile instance, string originator, ushort originatorMessageId, CancellationToken cancellationToken)
    {
        try
        {
            CStoreResponse response = await client.StoreAsync(instance, originator, originatorMessageId, cancellationToken).ConfigureAwait(false);
            return response.Status;
        }
        catch (Exception ex) when (ex is DicomException or IOException or UnauthorizedAccessException or InvalidOperationException
            or UpperLayerProtocolException or AssociationAbortedException or SocketException)
        {
            DimseDispatcherLog.SubOperationFailed(logger, instance.SopInstanceUid, ex.Message);
            return DicomStatus.ProcessingFailure;
        }
    }

    private DimseClientOptions SubOperationClient(AssociationParameters parameters, MoveDestination destination, IReadOnlyList<InstanceFile> instances) => new()
    {
        Host = destination.Host,
        Port = destination.Port,
        CalledAeTitle = destination.AeTitle,
        CallingAeTitle = parameters.CalledAeTitle,
        Association = roles.MoveAssociation,
        PresentationContexts = instances.GroupBy(i => i.SopClassUid, StringComparer.Ordinal).ToDictionary(
            g => g.Key, g => StorePayload.ProposedSyntaxes(g.Select(i => i.TransferSyntaxUid)), StringComparer.Ordinal),
    };

    private static async Task ReleaseQuietlyAsync(DimseClient client, CancellationToken cancellationToken)
    {
        if (client.Association.BreakReason is not null)
        {
            return;
        }

        try
        {
            await client.ReleaseAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsTransportFailure(ex, cancellationToken))
        {
            // The sub-operations are counted already; a destination that botches the release changes nothing.
        }
    }

    private static bool IsTransportFailure(Exception ex, CancellationToken cancellationToken) =>
        ex is AssociationRejectedException or AssociationAbortedException or UpperLayerProtocolException or SocketException
            or IOException or TimeoutException or InvalidOperationException
        || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    private static bool IsRoleFailure(Exception ex, DimseChannel channel) =>
        ex is not (OperationCanceledException or UpperLayerProtocolException or AssociationAbortedException)
        && channel.Association.BreakReason is null;

    private DimseResult RoleFailure(string what, DimseChannel channel, Exception ex)
    {
        DicomStatus status = ex is IOException or UnauthorizedAccessException
            ? QueryRetrieveStatus.OutOfResourcesNumberOfMatches
            : QueryRetrieveStatus.UnableToProcess;
        DimseDispatcherLog.HandlerFailed(logger, channel.Association.Id, what, status.ToString(), ex);
        return new DimseResult(status, ex.Message);
    }
}
