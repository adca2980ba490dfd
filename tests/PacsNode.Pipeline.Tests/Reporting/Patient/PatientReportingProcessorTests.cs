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
using PacsNode.StructuredReport.Tid1500;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Pipeline.Tests.Reporting.Patient;

/// <summary>
/// The pipeline trigger: three series jobs of one patient, follow-up first, through <see cref="PatientReportingProcessor"/>.
/// The first job has one PET study and stores no patient report; the second stores version 1 (partial); the third
/// version 2 naming version 1, whose codes are the generator's truth.
/// </summary>
public sealed class PatientReportingProcessorTests
{
    [Fact]
    public async Task SeriesJobs_ThirdStudy_StoresCompletePatientReportNamingThePartialOne()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        using var temp = new TempDirectory("patient-trigger");
        var database = IndexDatabase.Open(temp.Combine("index.sqlite"));
        await using var writer = new IndexWriter(database, TimeProvider.System);
        var archive = new InstanceArchive(
            new InstanceStore(new InstanceStoreOptions { DataFolder = temp.Combine("data"), MinimumFreeBytes = 0 }), writer, TimeProvider.System);
        var catalog = new IndexCatalog(database);
        var settings = new ReportingSettings { AeTitle = "PACSNODE", SoftwareVersion = "test", Accelerator = AcceleratorChoice.Parallel };
        PatientPhantomResult phantom = await PatientPhantomGenerator.GenerateAsync(
            new PatientPhantomSpec { Columns = 96, Rows = 96, Slices = 120 }, temp.Combine("phantom"), ct);
        using var processor = new PatientReportingProcessor(new PetReportProcessor(archive, catalog, settings, TimeProvider.System), archive, catalog, settings, new AssessmentOptions(), TimeProvider.System);

        var outcomes = new List<ProcessingOutcome>();
        long id = 1;
        foreach (PhantomResult study in new[] { phantom.FollowUp, phantom.Baseline, phantom.Her2Pet })
        {
            string? seriesUid = null;
            foreach (string path in Directory.GetFiles(study.PetFolder).Order(StringComparer.Ordinal))
            {
                DicomFile file = await DicomFile.OpenAsync(path, null, ct);
                seriesUid ??= file.Dataset.GetString(DicomTag.SeriesInstanceUID);
                await archive.StoreAsync(file, ct);
            }

            var job = new PipelineJob(id++, JobKind.SeriesReport, study.Truth.StudyInstanceUid, seriesUid!, null, "fingerprint", 1, "MODALITY");
            outcomes.Add(await processor.ProcessAsync(job, new StageTimer(TimeProvider.System), ct));
        }

        Assert.All(outcomes, o => Assert.True(o.Succeeded, o.Summary));
        Assert.Contains("needs 2", outcomes[0].Summary, StringComparison.Ordinal);
        Assert.Equal(2, outcomes[0].ResultInstanceUids.Count);
        Assert.Contains("patient report v1 stored (partial", outcomes[1].Summary, StringComparison.Ordinal);
        Assert.Equal(3, outcomes[1].ResultInstanceUids.Count);
        Assert.Contains("patient report v2 stored (complete", outcomes[2].Summary, StringComparison.Ordinal);
        Assert.Equal(3, outcomes[2].ResultInstanceUids.Count);

        (var reference, StoredReport report) = (await PatientReportService.ReadLatestAsync(catalog, phantom.Truth.PatientId, ct))!.Value;
        Assert.Equal(outcomes[2].ResultInstanceUids[^1], reference.SopInstanceUid);
        Assert.Equal([outcomes[1].ResultInstanceUids[^1]], report.Predecessors.Select(p => p.SopInstanceUid));
        Assert.Equal(phantom.FollowUp.Truth.StudyInstanceUid, report.StudyInstanceUid);
        Assert.Equal(phantom.Truth.Her2Pattern, Code(report, AssessmentCodes.ConceptHer2Pattern));
        Assert.Equal(phantom.Truth.Percist, Code(report, AssessmentCodes.ConceptPercist));
        Assert.Equal(phantom.Truth.ZephirGroup, Code(report, AssessmentCodes.ConceptZephirGroup));
    }

    private static string? Code(StoredReport report, string concept) =>
        report.Evaluations.SingleOrDefault(e => e.Concept.Value == concept)?.Value.Value;
}
