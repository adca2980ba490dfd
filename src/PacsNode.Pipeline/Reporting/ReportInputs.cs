using PacsNode.Dicom;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO;
using PacsNode.Pipeline.Jobs;
using PacsNode.Storage.Index;
using PacsNode.StructuredReport.Documents;

namespace PacsNode.Pipeline.Reporting;

/// <summary>
/// What one report is made from, found through the index: the PET series' instances (sorted by SOP Instance UID), the
/// CT series of the same study and frame of reference if any, and for a reader-VOI job the reader's RTSTRUCT or SEG and
/// the PET series it references (its Referenced Series, else the study's PET series with its Frame of Reference).
/// </summary>
internal sealed class ReportInputs
{
    private static readonly DicomReaderOptions HeaderOnly = new() { StopAtTag = DicomTag.PixelData };

    private readonly IReadOnlyList<string> _petPaths;

    private ReportInputs(string petSeriesUid, IReadOnlyList<SopReference> pet, IReadOnlyList<string> petPaths)
    {
        PetSeriesUid = petSeriesUid;
        PetInstances = pet;
        _petPaths = petPaths;
    }

    public string PetSeriesUid { get; }

    public IReadOnlyList<SopReference> PetInstances { get; }

    public IReadOnlyList<SopReference> CtInstances { get; private set; } = [];

    public string? CtFrameOfReferenceUid { get; private set; }

    public SopReference? Reader { get; private set; }

    public DicomDataset? ReaderDataset { get; private set; }

    public bool ReaderIsRtStruct { get; private set; }

    /// <summary>The PET files with their pixel data, in SOP Instance UID order.</summary>
    public async Task<IReadOnlyList<DicomFile>> ReadPetAsync(CancellationToken cancellationToken)
    {
        var files = new List<DicomFile>(_petPaths.Count);
        foreach (string path in _petPaths)
        {
            files.Add(await DicomFile.OpenAsync(path, null, cancellationToken).ConfigureAwait(false));
        }

        return files;
    }

    public static async Task<Resolution> LoadAsync(IndexCatalog catalog, PipelineJob job, CancellationToken cancellationToken)
    {
        string petSeries = job.SeriesInstanceUid;
        SopReference? reader = null;
        DicomDataset? readerDataset = null;
        if (job.Kind == JobKind.ReaderVois)
        {
            CatalogInstance? instance = job.SopInstanceUid is null ? null : await catalog.FindInstanceAsync(job.SopInstanceUid, cancellationToken).ConfigureAwait(false);
            if (instance is null)
            {
                return Resolution.Fail($"the reader's instance {job.SopInstanceUid} is no longer in the index");
            }

            readerDataset = (await DicomFile.OpenAsync(instance.FilePath, null, cancellationToken).ConfigureAwait(false)).Dataset;
            reader = new SopReference(job.StudyInstanceUid, readerDataset.GetString(DicomTag.SeriesInstanceUID) ?? job.SeriesInstanceUid,
                instance.SopClassUid, instance.SopInstanceUid);
            string? resolved = await ReferencedPetSeriesAsync(catalog, job.StudyInstanceUid, readerDataset, cancellationToken).ConfigureAwait(false);
            if (resolved is null)
            {
                return Resolution.Fail($"the {(instance.SopClassUid == DicomUid.RTStructureSetStorage ? "RTSTRUCT" : "SEG")} {instance.SopInstanceUid} references no PET series held by the node");
            }

            petSeries = resolved;
        }

        List<CatalogInstance> pet = [.. (await catalog.ListSeriesInstancesAsync(petSeries, cancellationToken).ConfigureAwait(false))
            .Where(i => JobClassifier.KindOf(i.SopClassUid) == JobKind.SeriesReport)];
        if (pet.Count == 0)
        {
            return Resolution.Fail($"series {petSeries} has no PET images in the index");
        }

        DicomDataset header = (await DicomFile.OpenAsync(pet[0].FilePath, HeaderOnly, cancellationToken).ConfigureAwait(false)).Dataset;
        string study = header.GetString(DicomTag.StudyInstanceUID) ?? job.StudyInstanceUid;
        var inputs = new ReportInputs(petSeries, [.. pet.Select(i => new SopReference(study, petSeries, i.SopClassUid, i.SopInstanceUid))],
            [.. pet.Select(i => i.FilePath)])
        {
            Reader = reader,
            ReaderDataset = readerDataset,
            ReaderIsRtStruct = reader?.SopClassUid == DicomUid.RTStructureSetStorage,
        };
        await inputs.FindCtAsync(catalog, study, header.GetString(DicomTag.FrameOfReferenceUID), cancellationToken).ConfigureAwait(false);
        return new Resolution(inputs, null);
    }

    private async Task FindCtAsync(IndexCatalog catalog, string study, string? frameOfReference, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(frameOfReference))
        {
            return;
        }

        foreach (CatalogSeries series in await catalog.ListStudySeriesAsync(study, cancellationToken).ConfigureAwait(false))
        {
            if (!string.Equals(series.Modality, "CT", StringComparison.Ordinal))
            {
                continue;
            }

            IReadOnlyList<CatalogInstance> ct = await catalog.ListSeriesInstancesAsync(series.SeriesInstanceUid, cancellationToken).ConfigureAwait(false);
            if (ct.Count > 0 && string.Equals(await FrameOfReferenceAsync(ct[0].FilePath, cancellationToken).ConfigureAwait(false), frameOfReference, StringComparison.Ordinal))
            {
                CtInstances = [.. ct.Select(i => new SopReference(study, series.SeriesInstanceUid, i.SopClassUid, i.SopInstanceUid))];
                CtFrameOfReferenceUid = frameOfReference;
                return;
            }
        }
    }

    private static async Task<string?> ReferencedPetSeriesAsync(IndexCatalog catalog, string study, DicomDataset reader, CancellationToken cancellationToken)
    {
        foreach (string uid in ReaderVoiReferences.SeriesUids(reader))
        {
            IReadOnlyList<CatalogInstance> instances = await catalog.ListSeriesInstancesAsync(uid, cancellationToken).ConfigureAwait(false);
            if (instances.Any(i => JobClassifier.KindOf(i.SopClassUid) == JobKind.SeriesReport))
            {
                return uid;
            }
        }

        string? frame = ReaderVoiReferences.FrameOfReferenceUid(reader);
        if (frame is null)
        {
            return null;
        }

        foreach (CatalogSeries series in await catalog.ListStudySeriesAsync(study, cancellationToken).ConfigureAwait(false))
        {
            if (!string.Equals(series.Modality, "PT", StringComparison.Ordinal))
            {
                continue;
            }

            IReadOnlyList<CatalogInstance> instances = await catalog.ListSeriesInstancesAsync(series.SeriesInstanceUid, cancellationToken).ConfigureAwait(false);
            if (instances.Count > 0 && string.Equals(await FrameOfReferenceAsync(instances[0].FilePath, cancellationToken).ConfigureAwait(false), frame, StringComparison.Ordinal))
            {
                return series.SeriesInstanceUid;
            }
        }

        return null;
    }

    private static async Task<string?> FrameOfReferenceAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return (await DicomFile.OpenAsync(path, HeaderOnly, cancellationToken).ConfigureAwait(false)).Dataset.GetString(DicomTag.FrameOfReferenceUID);
        }
        catch (Exception ex) when (ex is DicomException or IOException)
        {
            return null;
        }
    }

    /// <summary>The inputs, or why there are none.</summary>
    public sealed record Resolution(ReportInputs? Inputs, string? Reason)
    {
        /// <summary>True when there is nothing to do rather than something wrong.</summary>
        public bool Skip { get; init; }

        public static Resolution Fail(string reason) => new(null, reason);
    }
}
