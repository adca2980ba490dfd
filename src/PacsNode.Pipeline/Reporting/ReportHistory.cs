using PacsNode.Dicom;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO;
using PacsNode.Storage.Index;
using PacsNode.StructuredReport.Documents;

namespace PacsNode.Pipeline.Reporting;

/// <summary>
/// The versions of one PET series' report, read from the stored SR series (not from memory or the job table): the
/// current version is the one no other version names in its Predecessor Documents Sequence (ties: the highest Instance
/// Number). Only the headers are read (up to the Content Sequence).
/// </summary>
internal static class ReportHistory
{
    private static readonly DicomReaderOptions HeaderOnly = new() { StopAtTag = DicomTag.ContentSequence };

    public static async Task<ReportVersions> ReadAsync(IndexCatalog catalog, string srSeriesUid, CancellationToken cancellationToken)
    {
        var versions = new List<(SopReference Reference, int InstanceNumber, HashSet<string> Predecessors)>();
        foreach (CatalogInstance instance in await catalog.ListSeriesInstancesAsync(srSeriesUid, cancellationToken).ConfigureAwait(false))
        {
            DicomDataset header;
            try
            {
                header = (await DicomFile.OpenAsync(instance.FilePath, HeaderOnly, cancellationToken).ConfigureAwait(false)).Dataset;
            }
            catch (Exception ex) when (ex is DicomException or IOException)
            {
                continue;
            }

            int number = header.TryGetInt32(DicomTag.InstanceNumber, out int n) ? n : 0;
            var predecessors = HierarchicalReferences.Read(header.GetSequence(DicomTag.PredecessorDocumentsSequence))
                .Select(r => r.SopInstanceUid).ToHashSet(StringComparer.Ordinal);
            versions.Add((new SopReference(header.GetString(DicomTag.StudyInstanceUID) ?? string.Empty, srSeriesUid, instance.SopClassUid,
                instance.SopInstanceUid), number, predecessors));
        }

        var superseded = new HashSet<string>(versions.SelectMany(v => v.Predecessors), StringComparer.Ordinal);
        (SopReference Reference, int InstanceNumber, HashSet<string> _)? current = versions
            .Where(v => !superseded.Contains(v.Reference.SopInstanceUid))
            .OrderByDescending(v => v.InstanceNumber)
            .Cast<(SopReference, int, HashSet<string>)?>()
            .FirstOrDefault();
        return new ReportVersions(
            [.. versions.Select(v => v.Reference.SopInstanceUid)],
            current?.Reference,
            versions.Count == 0 ? 0 : versions.Max(v => v.InstanceNumber));
    }
}
