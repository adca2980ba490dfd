using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.Network.Dimse;
using PacsNode.Dicom.Network.Scp;
using PacsNode.Dicom.Network.Upper;
using PacsNode.Host.Options;
using PacsNode.Storage.Queries;

namespace PacsNode.Host.Services;

/// <summary>
/// The node's Query/Retrieve SCP roles over the index (<see cref="QueryService"/>): Patient Root and Study Root
/// FIND, MOVE and GET, and Composite Instance Root MOVE and GET (IMAGE level, SOP Instance UIDs). An identifier the
/// index refuses is answered A900 (bad level, missing unique key) or C000 (a key value it cannot read). C-MOVE
/// destinations are the configured remotes; any other AE title is answered A801.
/// </summary>
/// <param name="queries">The index's query service.</param>
/// <param name="remotes">The configured C-MOVE destinations.</param>
/// <param name="whenIndexed">Completes when every store answered so far is indexed
/// (<see cref="Storage.InstanceArchive.WhenIndexedAsync"/>): each query awaits it first, so it sees every instance
/// acknowledged before it.</param>
internal sealed class QueryRetrieveScp(QueryService queries, RemotesOptions remotes, Func<Task> whenIndexed) : IFindScp, IMoveScp, IGetScp
{
    /// <summary>The Q/R SOP classes served, each accepted in explicit or implicit VR little endian.</summary>
    public static IReadOnlyList<string> SopClasses { get; } =
    [
        DicomUid.PatientRootQueryRetrieveInformationModelFind, DicomUid.PatientRootQueryRetrieveInformationModelMove,
        DicomUid.PatientRootQueryRetrieveInformationModelGet, DicomUid.StudyRootQueryRetrieveInformationModelFind,
        DicomUid.StudyRootQueryRetrieveInformationModelMove, DicomUid.StudyRootQueryRetrieveInformationModelGet,
        DicomUid.CompositeInstanceRootRetrieveMove, DicomUid.CompositeInstanceRootRetrieveGet,
    ];

    public async ValueTask<FindResult> OnCFindAsync(
        AssociationParameters association, CFindRequest request, DicomDataset identifier, CancellationToken cancellationToken)
    {
        QueryInformationModel model = request.AffectedSopClassUid == DicomUid.StudyRootQueryRetrieveInformationModelFind
            ? QueryInformationModel.StudyRoot
            : QueryInformationModel.PatientRoot;
        try
        {
            await whenIndexed();
            IReadOnlyList<DicomDataset> matches = await queries.FindAsync(identifier, model, cancellationToken);
            return FindResult.Found(matches.ToAsyncEnumerable());
        }
        catch (QueryException ex)
        {
            return FindResult.Failed(new DimseResult(StatusFor(ex), ex.Message), ex.Tag is { } tag ? [tag] : null);
        }
    }

    public ValueTask<MoveDestination?> ResolveDestinationAsync(
        AssociationParameters association, string aeTitle, CancellationToken cancellationToken)
    {
        RemoteAeOptions? remote = remotes.Remotes.FirstOrDefault(r => string.Equals(r.AeTitle.Trim(), aeTitle.Trim(), StringComparison.Ordinal));
        return ValueTask.FromResult(remote is null ? null : new MoveDestination(remote.AeTitle.Trim(), remote.Host, remote.Port));
    }

    public ValueTask<RetrieveResult> OnCMoveAsync(
        AssociationParameters association, CMoveRequest request, DicomDataset identifier, CancellationToken cancellationToken) =>
        RetrieveAsync(request.AffectedSopClassUid, identifier, cancellationToken);

    public ValueTask<RetrieveResult> OnCGetAsync(
        AssociationParameters association, CGetRequest request, DicomDataset identifier, CancellationToken cancellationToken) =>
        RetrieveAsync(request.AffectedSopClassUid, identifier, cancellationToken);

    private async ValueTask<RetrieveResult> RetrieveAsync(string sopClassUid, DicomDataset identifier, CancellationToken cancellationToken)
    {
        bool compositeInstanceRoot = sopClassUid is DicomUid.CompositeInstanceRootRetrieveMove or DicomUid.CompositeInstanceRootRetrieveGet;
        if (compositeInstanceRoot)
        {
            if (identifier.GetString(DicomTag.QueryRetrieveLevel) is not ("IMAGE" or null or ""))
            {
                return RetrieveResult.Failed(new DimseResult(QueryRetrieveStatus.IdentifierDoesNotMatchSopClass,
                    "Composite Instance Root retrieves at IMAGE level only"), [DicomTag.QueryRetrieveLevel]);
            }

            identifier.SetString(DicomTag.QueryRetrieveLevel, DicomVR.CS, "IMAGE");
        }

        try
        {
            await whenIndexed();
            IReadOnlyList<RetrieveInstance> instances = await queries.FindInstancesForRetrieveAsync(identifier, cancellationToken);
            return RetrieveResult.Found([.. instances.Select(i => new InstanceFile(i.SopClassUid, i.SopInstanceUid, i.TransferSyntaxUid, i.FilePath))]);
        }
        catch (QueryException ex)
        {
            return RetrieveResult.Failed(new DimseResult(StatusFor(ex), ex.Message), ex.Tag is { } tag ? [tag] : null);
        }
    }

    private static DicomStatus StatusFor(QueryException ex) => ex.Error == QueryError.InvalidKeyValue
        ? QueryRetrieveStatus.UnableToProcess
        : QueryRetrieveStatus.IdentifierDoesNotMatchSopClass;
}
