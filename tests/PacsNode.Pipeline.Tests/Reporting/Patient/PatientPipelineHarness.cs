using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO;
using PacsNode.Pipeline.Jobs;
using PacsNode.Pipeline.Reporting;
using PacsNode.Pipeline.Reporting.Patient;
using PacsNode.Quantification.Assessment;
using PacsNode.Quantification.Kernels;
using PacsNode.Quantification.Phantoms;
using PacsNode.Storage;
using PacsNode.Storage.Files;
using PacsNode.Storage.Index;
using PacsNode.StructuredReport.Documents;
using PacsNode.StructuredReport.Tid1500;
using PacsNode.TestKit;

namespace PacsNode.Pipeline.Tests.Reporting.Patient;

/// <summary>
/// The in-process node the patient-report tests run on: an index, a store and the <see cref="PatientReportingProcessor"/>
/// over them (parallel kernels), and the generated three-visit ZEPHIR patient (96×96×120). Studies are stored and their
/// series jobs run one by one, as the pipeline would after each series became stable; job ids count up.
/// </summary>
internal sealed class PatientPipelineHarness : IAsyncDisposable
{
    private readonly TempDirectory _temp;
    private readonly IndexWriter _writer;
    private long _nextJobId = 1;

    private PatientPipelineHarness(TempDirectory temp, IndexDatabase database, IndexWriter writer, PatientPhantomResult phantom)
    {
        _temp = temp;
        _writer = writer;
        Phantom = phantom;
        Archive = new InstanceArchive(
            new InstanceStore(new InstanceStoreOptions { DataFolder = temp.Combine("data"), MinimumFreeBytes = 0 }), writer, TimeProvider.System);
        Catalog = new IndexCatalog(database);
        var settings = new ReportingSettings { AeTitle = "PACSNODE", SoftwareVersion = "test", Accelerator = AcceleratorChoice.Parallel };
        Processor = new PatientReportingProcessor(
            new PetReportProcessor(Archive, Catalog, settings, TimeProvider.System), Archive, Catalog, settings, new AssessmentOptions(), TimeProvider.System);
    }

    public PatientPhantomResult Phantom { get; }

    public InstanceArchive Archive { get; }

    public IndexCatalog Catalog { get; }

    public PatientReportingProcessor Processor { get; }

    public static async Task<PatientPipelineHarness> CreateAsync(string name, CancellationToken cancellationToken)
    {
        var temp = new TempDirectory(name);
        var database = IndexDatabase.Open(temp.Combine("index.sqlite"));
        var writer = new IndexWriter(database, TimeProvider.System);
        PatientPhantomResult phantom = await PatientPhantomGenerator.GenerateAsync(
            new PatientPhantomSpec { Columns = 96, Rows = 96, Slices = 120 }, temp.Combine("phantom"), cancellationToken);
        return new PatientPipelineHarness(temp, database, writer, phantom);
    }

    /// <summary>Stores a study's PET slices and runs its series job; returns the outcome, the series UID and a slice header.</summary>
    public async Task<(ProcessingOutcome Outcome, string SeriesUid, DicomDataset Header)> StoreAndProcessAsync(PhantomResult study, CancellationToken cancellationToken)
    {
        DicomDataset? header = null;
        foreach (string path in Directory.GetFiles(study.PetFolder).Order(StringComparer.Ordinal))
        {
            DicomFile file = await DicomFile.OpenAsync(path, null, cancellationToken);
            header ??= file.Dataset;
            await Archive.StoreAsync(file, cancellationToken);
        }

        string series = header!.GetString(DicomTag.SeriesInstanceUID)!;
        ProcessingOutcome outcome = await RunAsync(JobKind.SeriesReport, study.Truth.StudyInstanceUid, series, null, "MODALITY", cancellationToken);
        return (outcome, series, header);
    }

    /// <summary>Stores a reader's object (SEG, RTSTRUCT, SR) and runs the job its SOP class makes.</summary>
    public async Task<(ProcessingOutcome Outcome, PipelineJob Job)> StoreAndProcessReaderAsync(DicomFile file, CancellationToken cancellationToken)
    {
        await Archive.StoreAsync(file, cancellationToken);
        DicomDataset dataset = file.Dataset;
        JobKind kind = JobClassifier.KindOf(dataset.GetString(DicomTag.SOPClassUID)!)!.Value;
        var job = new PipelineJob(_nextJobId++, kind, dataset.GetString(DicomTag.StudyInstanceUID)!, dataset.GetString(DicomTag.SeriesInstanceUID)!,
            dataset.GetString(DicomTag.SOPInstanceUID), "fingerprint", 1, "READER");
        return (await Processor.ProcessAsync(job, new StageTimer(TimeProvider.System), cancellationToken), job);
    }

    /// <summary>Runs one job as a pipeline worker would (the next job id).</summary>
    public Task<ProcessingOutcome> RunAsync(
        JobKind kind, string study, string series, string? sopInstanceUid, string callingAe, CancellationToken cancellationToken) =>
        Processor.ProcessAsync(new PipelineJob(_nextJobId++, kind, study, series, sopInstanceUid, "fingerprint", 1, callingAe),
            new StageTimer(TimeProvider.System), cancellationToken);

    /// <summary>Runs a job again under the next job id, as a re-queued job would run.</summary>
    public Task<ProcessingOutcome> RerunAsync(PipelineJob job, CancellationToken cancellationToken) =>
        Processor.ProcessAsync(job with { Id = _nextJobId++ }, new StageTimer(TimeProvider.System), cancellationToken);

    /// <summary>The patient's current report, read back from the store.</summary>
    public async Task<(SopReference Reference, StoredReport Report)> LatestAsync(CancellationToken cancellationToken) =>
        (await PatientReportService.ReadLatestAsync(Catalog, Phantom.Truth.PatientId, cancellationToken))!.Value;

    public async ValueTask DisposeAsync()
    {
        Processor.Dispose();
        await _writer.DisposeAsync();
        _temp.Dispose();
    }
}
