using System.Globalization;
using PacsNode.Dicom;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO;
using PacsNode.Quantification.Assessment;
using PacsNode.Storage;
using PacsNode.Storage.Index;
using PacsNode.StructuredReport.Documents;
using PacsNode.StructuredReport.Tid1500;

namespace PacsNode.Pipeline.Reporting.Patient;

/// <summary>
/// The series report processor followed by the patient report (issue 6 part 7): after a job's own report is stored,
/// when the patient has PET series in two or more studies, the patient is assessed from the stored PET series (one per
/// study: the PT series with the most instances, measured on the same VOIs as its current per-series report, a reader's
/// RTSTRUCT/SEG with its tracking identifiers included, by <see cref="PatientStudyQuantifier"/>) and the patient report
/// stored as its next version (or found already stored). Readers' HER2-PET classes in SRs of the patient's studies
/// (<see cref="ReaderHer2Reports"/>) replace the node's proposed classes; a <see cref="JobKind.ReaderHer2"/> job (a received
/// SR) runs the patient step alone, so a reader's classes arriving later make the next version. A failure of the patient step does not fail the series job (its report is stored and is what the job is
/// for); it is stated in the job's summary. Patient steps run one at a time (whatever the number of pipeline workers), so
/// each reads the versions the previous one stored and the last one names all of them in its chain.
/// </summary>
public sealed class PatientReportingProcessor : ISeriesProcessor, IDisposable
{
    private static readonly DicomReaderOptions HeaderOnly = new() { StopAtTag = DicomTag.PixelData };

    private readonly PetReportProcessor _series;
    private readonly IndexCatalog _catalog;
    private readonly PatientReportService _patientReports;
    private readonly AssessmentOptions _options;
    private readonly SemaphoreSlim _patientStep = new(1, 1);

    public PatientReportingProcessor(
        PetReportProcessor series, InstanceArchive archive, IndexCatalog catalog, ReportingSettings settings, AssessmentOptions options,
        TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(options);
        _series = series;
        _catalog = catalog;
        _options = options;
        _patientReports = new PatientReportService(archive, catalog, settings, timeProvider);
    }

    public async Task<ProcessingOutcome> ProcessAsync(PipelineJob job, StageTimer timings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(timings);
        if (job.Kind == JobKind.ReaderHer2)
        {
            return await ReaderHer2Async(job, timings, cancellationToken).ConfigureAwait(false);
        }

        ProcessingOutcome outcome = await _series.ProcessAsync(job, timings, cancellationToken).ConfigureAwait(false);
        if (!outcome.Succeeded)
        {
            return outcome;
        }

        try
        {
            await _patientStep.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                using var measure = timings.Measure("patient");
                (PatientReportOutcome? stored, string summary) = await PatientReportAsync(job, cancellationToken).ConfigureAwait(false);
                IReadOnlyList<string> results = stored is { AlreadyStored: false } ? [.. outcome.ResultInstanceUids, stored.Report.SopInstanceUid] : outcome.ResultInstanceUids;
                return ProcessingOutcome.Success(results, outcome.Summary + "; " + summary);
            }
            finally
            {
                _patientStep.Release();
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return ProcessingOutcome.Success(outcome.ResultInstanceUids, outcome.Summary + "; patient report failed: " + ex.Message);
        }
    }

    /// <summary>Disposes the series processor too (this processor owns it, and with it the kernels both use).</summary>
    public void Dispose()
    {
        _series.Dispose();
        _patientStep.Dispose();
    }

    /// <summary>
    /// A received SR: when it is a reader's (not the node's own) with HER2-PET classes, the patient report is made again
    /// with them, as its next version; nothing else. Failures of the patient step fail this job (it is all the job is for).
    /// </summary>
    private async Task<ProcessingOutcome> ReaderHer2Async(PipelineJob job, StageTimer timings, CancellationToken cancellationToken)
    {
        CatalogInstance? instance = job.SopInstanceUid is null ? null : await _catalog.FindInstanceAsync(job.SopInstanceUid, cancellationToken).ConfigureAwait(false);
        if (instance is null)
        {
            return ProcessingOutcome.PermanentFailure($"the SR {job.SopInstanceUid} is no longer in the index");
        }

        DicomDataset sr = (await DicomFile.OpenAsync(instance.FilePath, null, cancellationToken).ConfigureAwait(false)).Dataset;
        if (ReaderHer2Reports.IsNodeOwn(sr))
        {
            return ProcessingOutcome.Success([], "SR made by the node: nothing to do");
        }

        IReadOnlyList<ReaderHer2Class> classes;
        try
        {
            classes = ReaderHer2Reports.Read(sr);
        }
        catch (Tid1500ReadException ex)
        {
            return ProcessingOutcome.Success([], "SR is not a readable TID 1500 report (" + ex.Message + "): no reader HER2-PET classes");
        }

        if (classes.Count == 0)
        {
            return ProcessingOutcome.Success([], "SR has no reader HER2-PET classes: nothing to do");
        }

        await _patientStep.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var measure = timings.Measure("patient");
            string patientId = sr.GetString(DicomTag.PatientID)?.Trim() ?? string.Empty;
            (PatientReportOutcome? stored, string summary) = await PatientReportAsync(patientId, cancellationToken).ConfigureAwait(false);
            string read = string.Create(CultureInfo.InvariantCulture, $"reader SR with {classes.Count} HER2-PET class(es); ");
            return ProcessingOutcome.Success(stored is { AlreadyStored: false } ? [stored.Report.SopInstanceUid] : [], read + summary);
        }
        finally
        {
            _patientStep.Release();
        }
    }

    private async Task<(PatientReportOutcome? Stored, string Summary)> PatientReportAsync(PipelineJob job, CancellationToken cancellationToken)
    {
        IReadOnlyList<CatalogInstance> jobInstances = await _catalog.ListSeriesInstancesAsync(job.SeriesInstanceUid, cancellationToken).ConfigureAwait(false);
        if (jobInstances.Count == 0)
        {
            return (null, "patient report: the job's series is not indexed");
        }

        DicomDataset jobHeader = (await DicomFile.OpenAsync(jobInstances[0].FilePath, HeaderOnly, cancellationToken).ConfigureAwait(false)).Dataset;
        return await PatientReportAsync(jobHeader.GetString(DicomTag.PatientID)?.Trim() ?? string.Empty, cancellationToken).ConfigureAwait(false);
    }

    private async Task<(PatientReportOutcome? Stored, string Summary)> PatientReportAsync(string patientId, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> patientStudies = await _catalog.ListPatientStudiesAsync(patientId, cancellationToken).ConfigureAwait(false);
        var series = new List<(string SeriesUid, IReadOnlyList<DicomFile> Files)>();
        var headers = new Dictionary<string, DicomDataset>(StringComparer.Ordinal);
        foreach (string study in patientStudies)
        {
            CatalogSeries? pet = (await _catalog.ListStudySeriesAsync(study, cancellationToken).ConfigureAwait(false))
                .Where(s => string.Equals(s.Modality, "PT", StringComparison.Ordinal))
                .OrderByDescending(s => s.InstanceCount)
                .FirstOrDefault();
            if (pet is null)
            {
                continue;
            }

            var files = new List<DicomFile>();
            foreach (CatalogInstance instance in await _catalog.ListSeriesInstancesAsync(pet.SeriesInstanceUid, cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    files.Add(await DicomFile.OpenAsync(instance.FilePath, null, cancellationToken).ConfigureAwait(false));
                }
                catch (Exception ex) when (ex is DicomException or IOException)
                {
                    // A file that cannot be read is left out; the quantifier reports a series it cannot use.
                }
            }

            if (files.Count > 0)
            {
                series.Add((pet.SeriesInstanceUid, files));
                headers[study] = files[0].Dataset;
            }
        }

        if (series.Count < 2)
        {
            return (null, string.Create(CultureInfo.InvariantCulture, $"patient report: {series.Count} PET study(ies) of patient {patientId}, needs 2"));
        }

        IReadOnlyDictionary<string, SeriesReport> reports = await PatientReportService.LoadSeriesReportsAsync(
            _catalog, series.Select(s => s.SeriesUid), cancellationToken).ConfigureAwait(false);
        var quantifier = new PatientStudyQuantifier(_catalog, _series.Kernels, _series.Detection);
        var notes = new List<string>();
        var studies = new List<StudyQuantification>();
        foreach ((string seriesUid, IReadOnlyList<DicomFile> files) in series)
        {
            studies.Add(await quantifier.QuantifyAsync(files, reports.GetValueOrDefault(seriesUid), notes, cancellationToken).ConfigureAwait(false));
        }

        (IReadOnlyList<ReaderHer2Class> readerClasses, IReadOnlyList<SopReference> readerReports) =
            await ReaderHer2Reports.CollectAsync(_catalog, patientStudies, notes, cancellationToken).ConfigureAwait(false);
        PatientAssessment assessment = new PatientAssessor(_series.Kernels).Assess(studies, _options, readerClasses);
        assessment = assessment with { Notes = [.. notes, .. assessment.Notes] };
        PatientReportOutcome stored = await _patientReports.StoreAsync(assessment, headers, reports, readerReports, cancellationToken).ConfigureAwait(false);
        int readers = studies.Count(s => s.ReaderTracking.Count > 0);
        string fallbacks = string.Concat(notes.Where(n => n.EndsWith(PatientStudyQuantifier.FallbackNote, StringComparison.Ordinal)).Select(n => "; " + n));
        return (stored, string.Create(CultureInfo.InvariantCulture,
            $"patient report v{stored.Version} {(stored.AlreadyStored ? "already stored" : "stored")} ({(assessment.IsComplete ? "complete" : "partial")}, {series.Count} PET studies, reader VOIs on {readers}, reader HER2-PET classes on {assessment.Lesions.Count(l => l.Her2?.ReaderClass is not null)} lesion(s)){fallbacks}"));
    }
}
