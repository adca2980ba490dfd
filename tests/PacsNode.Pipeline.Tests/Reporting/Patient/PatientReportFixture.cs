using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO;
using PacsNode.Pipeline.Reporting;
using PacsNode.Pipeline.Reporting.Patient;
using PacsNode.Quantification.Assessment;
using PacsNode.Quantification.Kernels;
using PacsNode.Quantification.Phantoms;
using PacsNode.Storage;
using PacsNode.Storage.Files;
using PacsNode.Storage.Index;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Pipeline.Tests.Reporting.Patient;

/// <summary>
/// One generated ZEPHIR patient (96×96×120, noise-free, with the new lesion) stored in a node's archive, each PET series
/// given its own report by <see cref="PetReportProcessor"/>, then the patient report stored twice over: first from the
/// baseline and HER2-PET studies only (a partial version 1, in the HER2-PET study), then from all three (version 2, in
/// the follow-up study, naming version 1), then the same three again (nothing new).
/// </summary>
public sealed class PatientReportFixture : IAsyncLifetime
{
    private readonly TempDirectory _temp = new("patient-report");
    private IndexWriter? _writer;

    public PatientPhantomResult Phantom { get; private set; } = null!;

    public IndexCatalog Catalog { get; private set; } = null!;

    public PatientAssessment Partial { get; private set; } = null!;

    public PatientAssessment Complete { get; private set; } = null!;

    public PatientReportOutcome PartialOutcome { get; private set; } = null!;

    public PatientReportOutcome CompleteOutcome { get; private set; } = null!;

    public PatientReportOutcome RepeatOutcome { get; private set; } = null!;

    /// <summary>A PET header of each study, by StudyInstanceUID.</summary>
    public Dictionary<string, DicomDataset> StudyHeaders { get; private set; } = [];

    /// <summary>The per-series SR of each PET series, by PET SeriesInstanceUID.</summary>
    public Dictionary<string, string> SeriesReportUids { get; } = new(StringComparer.Ordinal);

    public async ValueTask InitializeAsync()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        var database = IndexDatabase.Open(_temp.Combine("index.sqlite"));
        _writer = new IndexWriter(database, TimeProvider.System);
        var archive = new InstanceArchive(
            new InstanceStore(new InstanceStoreOptions { DataFolder = _temp.Combine("data"), MinimumFreeBytes = 0 }), _writer, TimeProvider.System);
        Catalog = new IndexCatalog(database);
        var settings = new ReportingSettings { AeTitle = "PACSNODE", SoftwareVersion = "test", Accelerator = AcceleratorChoice.Parallel };
        Phantom = await PatientPhantomGenerator.GenerateAsync(
            new PatientPhantomSpec { Columns = 96, Rows = 96, Slices = 120 }, _temp.Combine("phantom"), ct);

        var series = new Dictionary<string, IReadOnlyList<DicomFile>>(StringComparer.Ordinal);
        using (var processor = new PetReportProcessor(archive, Catalog, settings, TimeProvider.System))
        {
            long job = 1;
            foreach (PhantomResult study in new[] { Phantom.Baseline, Phantom.Her2Pet, Phantom.FollowUp })
            {
                var files = new List<DicomFile>();
                foreach (string path in Directory.GetFiles(study.PetFolder).Order(StringComparer.Ordinal))
                {
                    DicomFile file = await DicomFile.OpenAsync(path, null, ct);
                    await archive.StoreAsync(file, ct);
                    files.Add(file);
                }

                string studyUid = files[0].Dataset.GetString(DicomTag.StudyInstanceUID)!;
                string seriesUid = files[0].Dataset.GetString(DicomTag.SeriesInstanceUID)!;
                series[studyUid] = files;
                ProcessingOutcome outcome = await processor.ProcessAsync(
                    new PipelineJob(job++, JobKind.SeriesReport, studyUid, seriesUid, null, "fingerprint", 1, "MODALITY"), new StageTimer(TimeProvider.System), ct);
                Assert.True(outcome.Succeeded, outcome.Summary);
                SeriesReportUids[seriesUid] = outcome.ResultInstanceUids[^1];
            }
        }

        StudyHeaders = Headers(series);
        var service = new PatientReportService(archive, Catalog, settings, TimeProvider.System);
        using var kernels = new ReferenceKernels();
        var assessor = new PatientAssessor(kernels);
        string baseline = Phantom.Baseline.Truth.StudyInstanceUid, her2 = Phantom.Her2Pet.Truth.StudyInstanceUid;
        Partial = await assessor.AssessAsync([series[baseline], series[her2]], new AssessmentOptions(), ct);
        PartialOutcome = await service.StoreAsync(Partial, Headers(series), ct);
        Complete = await assessor.AssessAsync([.. series.Values], new AssessmentOptions(), ct);
        CompleteOutcome = await service.StoreAsync(Complete, Headers(series), ct);
        RepeatOutcome = await service.StoreAsync(Complete, Headers(series), ct);
    }

    public async Task<string> FilePathAsync(string sopInstanceUid) =>
        (await Catalog.FindInstanceAsync(sopInstanceUid, TestContext.Current.CancellationToken))?.FilePath
        ?? throw new InvalidOperationException($"{sopInstanceUid} is not indexed");

    public async ValueTask DisposeAsync()
    {
        if (_writer is not null)
        {
            await _writer.DisposeAsync();
        }

        _temp.Dispose();
    }

    private static Dictionary<string, DicomDataset> Headers(Dictionary<string, IReadOnlyList<DicomFile>> series) =>
        series.ToDictionary(s => s.Key, s => s.Value[0].Dataset, StringComparer.Ordinal);
}
