using PacsNode.Dicom;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO;
using PacsNode.Quantification.Assessment;
using PacsNode.Storage;
using PacsNode.Storage.Files;
using PacsNode.Storage.Index;
using PacsNode.StructuredReport.Documents;
using PacsNode.StructuredReport.Tid1500;

namespace PacsNode.Pipeline.Reporting.Patient;

/// <summary>
/// Stores and finds patient-level reports through the index: the per-series reports an assessment rests on (their
/// current versions, read from their SR series as <see cref="ReportHistory"/> does), the patient report's versions (in
/// the patient-report series of each of the patient's studies), and the new version, stored through the same archive
/// as received instances. Composing the same assessment again gives the same SOP Instance UID, so a re-run stores
/// nothing new; a different one becomes the next version naming the current one as its predecessor.
/// </summary>
public sealed class PatientReportService
{
    private readonly InstanceArchive _archive;
    private readonly IndexCatalog _catalog;
    private readonly ReportingSettings _settings;
    private readonly TimeProvider _timeProvider;

    public PatientReportService(InstanceArchive archive, IndexCatalog catalog, ReportingSettings settings, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(archive);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _archive = archive;
        _catalog = catalog;
        _settings = settings;
        _timeProvider = timeProvider;
    }

    /// <summary>
    /// Composes the report of an assessment and stores it unless that version is already stored, with the per-series
    /// reports of the assessed studies read from the store and no reader SRs.
    /// </summary>
    /// <param name="assessment">The assessment.</param>
    /// <param name="studyHeaders">A PET header of each assessed study, by StudyInstanceUID.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public async Task<PatientReportOutcome> StoreAsync(
        PatientAssessment assessment, IReadOnlyDictionary<string, DicomDataset> studyHeaders, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        IReadOnlyDictionary<string, SeriesReport> seriesReports = await LoadSeriesReportsAsync(
            _catalog, assessment.Visits.Studies.Select(s => s.Study.SeriesInstanceUid), cancellationToken).ConfigureAwait(false);
        return await StoreAsync(assessment, studyHeaders, seriesReports, [], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Composes the report of an assessment and stores it unless that version is already stored.</summary>
    /// <param name="assessment">The assessment.</param>
    /// <param name="studyHeaders">A PET header of each assessed study, by StudyInstanceUID.</param>
    /// <param name="seriesReports">
    /// The current per-series reports by PET SeriesInstanceUID (<see cref="LoadSeriesReportsAsync"/>), as the caller
    /// already read them to choose each series' VOIs; those of series the assessment left out are not used.
    /// </param>
    /// <param name="readerReports">The readers' SRs the assessment's reader HER2-PET classes came from (for the evidence).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public async Task<PatientReportOutcome> StoreAsync(
        PatientAssessment assessment, IReadOnlyDictionary<string, DicomDataset> studyHeaders,
        IReadOnlyDictionary<string, SeriesReport> seriesReports, IReadOnlyList<SopReference> readerReports, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(readerReports);
        ArgumentNullException.ThrowIfNull(seriesReports);
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(studyHeaders);
        IReadOnlyList<string> studies = await _catalog.ListPatientStudiesAsync(assessment.PatientId, cancellationToken).ConfigureAwait(false);
        PatientReportVersions history = await ReadHistoryAsync(_catalog, assessment.PatientId, studies, cancellationToken).ConfigureAwait(false);
        var context = new PatientReportContext
        {
            StudyHeaders = studyHeaders,
            SeriesReports = seriesReports,
            ReaderReports = readerReports,
            InstanceNumber = history.HighestInstanceNumber + 1,
            ContentDateTime = _timeProvider.GetLocalNow(),
            Device = _settings.Device(),
            Algorithm = new AlgorithmIdentification("PacsNode patient assessment", _settings.AlgorithmVersion,
                [new AlgorithmParameter("Visit rule", assessment.Visits.Rule)]),
            Predecessors = history.Current is { } current ? [current.Reference] : [],
        };
        MeasurementReport report = PatientReportComposer.Compose(context, assessment);
        var reference = new SopReference(report.Subject.StudyInstanceUid, report.Document.SeriesInstanceUid,
            DicomUid.Comprehensive3DSRStorage, report.Document.SopInstanceUid);
        if (history.SopInstanceUids.Contains(report.Document.SopInstanceUid, StringComparer.Ordinal))
        {
            return new PatientReportOutcome(reference, history.InstanceNumberOf(report.Document.SopInstanceUid), AlreadyStored: true);
        }

        StoreResult stored = await _archive.StoreAsync(Tid1500Writer.Write(report), cancellationToken).ConfigureAwait(false);
        if (stored.Outcome == StoreOutcome.OutOfResources)
        {
            throw new IOException("The node's disk is below its free-space threshold; the patient report was not stored.");
        }

        return new PatientReportOutcome(reference, context.InstanceNumber, AlreadyStored: false);
    }

    /// <summary>The current patient report of a patient, read back from the store; null when there is none.</summary>
    public static async Task<(SopReference Reference, StoredReport Report)?> ReadLatestAsync(
        IndexCatalog catalog, string patientId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(patientId);
        IReadOnlyList<string> studies = await catalog.ListPatientStudiesAsync(patientId, cancellationToken).ConfigureAwait(false);
        PatientReportVersions history = await ReadHistoryAsync(catalog, patientId, studies, cancellationToken).ConfigureAwait(false);
        if (history.Current is not { } current)
        {
            return null;
        }

        DicomFile file = await DicomFile.OpenAsync(current.FilePath, null, cancellationToken).ConfigureAwait(false);
        return (current.Reference, Tid1500Reader.Read(file.Dataset));
    }

    /// <summary>The current version of each PET series' own report that is stored, by PET SeriesInstanceUID.</summary>
    public static async Task<IReadOnlyDictionary<string, SeriesReport>> LoadSeriesReportsAsync(
        IndexCatalog catalog, IEnumerable<string> petSeriesUids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(petSeriesUids);
        var reports = new Dictionary<string, SeriesReport>(StringComparer.Ordinal);
        foreach (string pet in petSeriesUids.Distinct(StringComparer.Ordinal))
        {
            var ids = ReportIdentities.For(pet, string.Empty);
            ReportVersions versions = await ReportHistory.ReadAsync(catalog, ids.SrSeriesUid, cancellationToken).ConfigureAwait(false);
            if (versions.Current is not { } sr || await catalog.FindInstanceAsync(sr.SopInstanceUid, cancellationToken).ConfigureAwait(false) is not { } file)
            {
                continue;
            }

            StoredReport report;
            try
            {
                report = Tid1500Reader.Read((await DicomFile.OpenAsync(file.FilePath, null, cancellationToken).ConfigureAwait(false)).Dataset);
            }
            catch (Exception ex) when (ex is DicomException or IOException or Tid1500ReadException)
            {
                continue;
            }

            SopReference? seg = null;
            if (report.Groups.Select(g => g.Segment?.SopInstanceUid).OfType<string>().FirstOrDefault() is { } segUid &&
                await catalog.FindInstanceAsync(segUid, cancellationToken).ConfigureAwait(false) is not null)
            {
                seg = new SopReference(sr.StudyInstanceUid, ids.SegSeriesUid, DicomUid.SegmentationStorage, segUid);
            }

            reports[pet] = new SeriesReport(sr, seg, report);
        }

        return reports;
    }

    private static readonly DicomReaderOptions HeaderOnly = new() { StopAtTag = DicomTag.ContentSequence };

    /// <summary>Every stored version of the patient's report over the patient-report series of the given studies.</summary>
    private static async Task<PatientReportVersions> ReadHistoryAsync(
        IndexCatalog catalog, string patientId, IReadOnlyList<string> studyUids, CancellationToken cancellationToken)
    {
        var versions = new List<PatientReportVersion>();
        foreach (string study in studyUids)
        {
            string series = PatientReportIdentities.SeriesUid(patientId, study);
            foreach (CatalogInstance instance in await catalog.ListSeriesInstancesAsync(series, cancellationToken).ConfigureAwait(false))
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

                versions.Add(new PatientReportVersion(
                    new SopReference(study, series, instance.SopClassUid, instance.SopInstanceUid), instance.FilePath,
                    header.TryGetInt32(DicomTag.InstanceNumber, out int n) ? n : 0,
                    PredecessorUids(header)));
            }
        }

        return new PatientReportVersions(versions);
    }

    private static List<string> PredecessorUids(DicomDataset header) =>
    [
        .. (header.GetSequence(DicomTag.PredecessorDocumentsSequence)?.Items ?? [])
            .SelectMany(study => study.GetSequence(DicomTag.ReferencedSeriesSequence)?.Items ?? [])
            .SelectMany(series => series.GetSequence(DicomTag.ReferencedSOPSequence)?.Items ?? [])
            .Select(sop => sop.GetString(DicomTag.ReferencedSOPInstanceUID))
            .OfType<string>(),
    ];
}
