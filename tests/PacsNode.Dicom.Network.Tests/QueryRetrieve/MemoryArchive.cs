using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO;
using PacsNode.Dicom.IO.Buffers;
using PacsNode.Dicom.Network.Dimse;
using PacsNode.Dicom.Network.Scp;
using PacsNode.Dicom.Network.Upper;

namespace PacsNode.Dicom.Network.Tests.QueryRetrieve;

/// <summary>
/// A test Q/R provider over a few Part 10 files held by path: single-value, trailing-'*' wildcard and UID-list
/// matching, one answer per distinct unique key of the level. Enough to drive the dispatcher; the node's real
/// matching is the Storage project's.
/// </summary>
internal sealed class MemoryArchive : IFindScp, IMoveScp, IGetScp
{
    private readonly List<(InstanceFile File, DicomDataset Header)> _entries;
    private int _enumerated;

    private MemoryArchive(List<(InstanceFile, DicomDataset)> entries) => _entries = entries;

    public ConcurrentDictionary<string, MoveDestination> Destinations { get; } = new(StringComparer.Ordinal);

    /// <summary>A pause before each match, so a C-CANCEL can overtake the answers.</summary>
    public TimeSpan MatchDelay { get; init; }

    public int Enumerated => Volatile.Read(ref _enumerated);

    public IReadOnlyList<(InstanceFile File, DicomDataset Header)> Entries => _entries;

    public static async Task<MemoryArchive> LoadAsync(IEnumerable<string> paths, CancellationToken ct, TimeSpan matchDelay = default)
    {
        var entries = new List<(InstanceFile, DicomDataset)>();
        foreach (string path in paths)
        {
            DicomFile file = await DicomFile.OpenAsync(path, new DicomReaderOptions { StopAtTag = DicomTag.PixelData }, ct);
            entries.Add((new InstanceFile(file.Dataset.GetString(DicomTag.SOPClassUID)!, file.Dataset.GetString(DicomTag.SOPInstanceUID)!,
                file.TransferSyntax.Uid, path), file.Dataset));
        }

        return new MemoryArchive(entries) { MatchDelay = matchDelay };
    }

    public ValueTask<FindResult> OnCFindAsync(
        AssociationParameters association, CFindRequest request, DicomDataset identifier, CancellationToken cancellationToken)
    {
        DicomTag? unique = UniqueKey(identifier.GetString(DicomTag.QueryRetrieveLevel));
        if (unique is null)
        {
            return ValueTask.FromResult(FindResult.Failed(
                new DimseResult(QueryRetrieveStatus.IdentifierDoesNotMatchSopClass, "bad level"), [DicomTag.QueryRetrieveLevel]));
        }

        return ValueTask.FromResult(FindResult.Found(MatchAsync(identifier, unique.Value, cancellationToken)));
    }

    public ValueTask<MoveDestination?> ResolveDestinationAsync(
        AssociationParameters association, string aeTitle, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Destinations.TryGetValue(aeTitle, out MoveDestination? d) ? d : null);

    public ValueTask<RetrieveResult> OnCMoveAsync(
        AssociationParameters association, CMoveRequest request, DicomDataset identifier, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Retrieve(identifier));

    public ValueTask<RetrieveResult> OnCGetAsync(
        AssociationParameters association, CGetRequest request, DicomDataset identifier, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Retrieve(identifier));

    private RetrieveResult Retrieve(DicomDataset identifier) => RetrieveResult.Found(
        [.. _entries.Where(e => new[] { DicomTag.PatientID, DicomTag.StudyInstanceUID, DicomTag.SeriesInstanceUID, DicomTag.SOPInstanceUID }
            .All(tag => Matches(e.Header, tag, identifier.GetString(tag)))).Select(e => e.File)]);

    private async IAsyncEnumerable<DicomDataset> MatchAsync(
        DicomDataset identifier, DicomTag unique, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        IEnumerable<DicomDataset> matches = _entries.Select(e => e.Header)
            .Where(h => identifier.All(k => k.Tag == DicomTag.QueryRetrieveLevel || k.Tag == DicomTag.SpecificCharacterSet
                || k is not DicomElement || Matches(h, k.Tag, identifier.GetString(k.Tag))))
            .DistinctBy(h => h.GetString(unique), StringComparer.Ordinal);
        foreach (DicomDataset header in matches)
        {
            if (MatchDelay > TimeSpan.Zero)
            {
                await Task.Delay(MatchDelay, cancellationToken);
            }

            Interlocked.Increment(ref _enumerated);
            var answer = new DicomDataset();
            foreach (DicomItem key in identifier)
            {
                answer.AddOrUpdate(header.Get(key.Tag) ?? new DicomElement(key.Tag, key.VR, DicomBuffer.Empty));
            }

            answer.SetString(DicomTag.QueryRetrieveLevel, DicomVR.CS, identifier.GetString(DicomTag.QueryRetrieveLevel)!);
            yield return answer;
        }
    }

    private static bool Matches(DicomDataset header, DicomTag tag, string? value)
    {
        if (string.IsNullOrEmpty(value) || value == "*")
        {
            return true;
        }

        string actual = header.GetString(tag) ?? string.Empty;
        return value.EndsWith('*')
            ? actual.StartsWith(value[..^1], StringComparison.Ordinal)
            : value.Split('\\').Contains(actual, StringComparer.Ordinal);
    }

    private static DicomTag? UniqueKey(string? level) => level switch
    {
        "PATIENT" => DicomTag.PatientID,
        "STUDY" => DicomTag.StudyInstanceUID,
        "SERIES" => DicomTag.SeriesInstanceUID,
        "IMAGE" => DicomTag.SOPInstanceUID,
        _ => null,
    };
}
