using System.Text.Json;
using Microsoft.Data.Sqlite;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO;
using PacsNode.Host.Commands;
using PacsNode.Host.Options;
using PacsNode.Pipeline.Reporting;
using PacsNode.Pipeline.Reporting.Patient;
using PacsNode.Quantification.Assessment;
using PacsNode.Quantification.Kernels;
using PacsNode.Quantification.Phantoms;
using PacsNode.Quantification.Volume;
using PacsNode.Storage;
using PacsNode.Storage.Files;
using PacsNode.Storage.Index;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Host.Tests.Commands;

/// <summary>
/// <c>pacsnode patient</c> on a data folder holding a generated patient's stored patient report: the text and the JSON
/// give the generator's truth (pattern, PERCIST, ZEPHIR group, per-lesion HER2 class and EORTC), read from the SR.
/// </summary>
public sealed class PatientCommandTests : IAsyncLifetime
{
    private readonly TempDirectory _temp = new("patient-command");
    private PatientPhantomResult _phantom = null!;
    private PatientAssessment _assessment = null!;

    private string DataFolder => _temp.Combine("data");

    public async ValueTask InitializeAsync()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        _phantom = await PatientPhantomGenerator.GenerateAsync(
            new PatientPhantomSpec { Columns = 96, Rows = 96, Slices = 120 }, _temp.Combine("phantom"), ct);
        var series = new List<IReadOnlyList<DicomFile>>();
        var headers = new Dictionary<string, DicomDataset>(StringComparer.Ordinal);
        foreach (PhantomResult study in new[] { _phantom.FollowUp, _phantom.Baseline, _phantom.Her2Pet })
        {
            var files = new List<DicomFile>();
            foreach (string path in Directory.GetFiles(study.PetFolder).Order(StringComparer.Ordinal))
            {
                files.Add(await DicomFile.OpenAsync(path, null, ct));
            }

            series.Add(files);
            headers[files[0].Dataset.GetString(DicomTag.StudyInstanceUID)!] = files[0].Dataset;
        }

        using (var kernels = new ReferenceKernels())
        {
            _assessment = await new PatientAssessor(kernels).AssessAsync(series, new AssessmentOptions(), ct);
        }

        Directory.CreateDirectory(DataFolder);
        var database = IndexDatabase.Open(StorageOptions.IndexPath(DataFolder));
        await using var writer = new IndexWriter(database, TimeProvider.System);
        var archive = new InstanceArchive(
            new InstanceStore(new InstanceStoreOptions { DataFolder = StorageOptions.InstancesFolder(DataFolder), MinimumFreeBytes = 0 }), writer, TimeProvider.System);
        var settings = new ReportingSettings { AeTitle = "PACSNODE", SoftwareVersion = "test" };
        await new PatientReportService(archive, new IndexCatalog(database), settings, TimeProvider.System).StoreAsync(_assessment, headers, ct);
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        _temp.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Patient_Text_PrintsTheTruthCodesFromTheStoredReport()
    {
        PatientPhantomTruth truth = _phantom.Truth;
        var output = new StringWriter();

        int exitCode = await new PatientCommand(output).RunAsync([truth.PatientId, "--data", DataFolder], TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Ok, exitCode);
        string text = output.ToString();
        Assert.Contains($"HER2PATTERN: {truth.Her2Pattern} (", text, StringComparison.Ordinal);
        Assert.Contains($"PERCIST: {truth.Percist} (", text, StringComparison.Ordinal);
        Assert.Contains($"ZEPHIRGROUP: {truth.ZephirGroup} (", text, StringComparison.Ordinal);
        Assert.Contains($"in study {_phantom.FollowUp.Truth.StudyInstanceUid}", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Patient_Json_GivesEveryLesionsTruthCodes()
    {
        PatientPhantomTruth truth = _phantom.Truth;
        var output = new StringWriter();

        int exitCode = await new PatientCommand(output).RunAsync([truth.PatientId, "--json", "--data", DataFolder], TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Ok, exitCode);
        using var json = JsonDocument.Parse(output.ToString());
        JsonElement root = json.RootElement;
        Assert.Equal(truth.Her2Pattern, root.GetProperty("evaluations").GetProperty(AssessmentCodes.ConceptHer2Pattern).GetString());
        Assert.Equal(truth.Percist, root.GetProperty("evaluations").GetProperty(AssessmentCodes.ConceptPercist).GetString());
        Assert.Equal(truth.ZephirGroup, root.GetProperty("evaluations").GetProperty(AssessmentCodes.ConceptZephirGroup).GetString());
        var lesions = root.GetProperty("lesions").EnumerateArray()
            .ToDictionary(l => l.GetProperty("trackingIdentifier").GetString()!, StringComparer.Ordinal);
        Assert.Equal(truth.Lesions.Count, lesions.Count);
        foreach (PatientPhantomLesionTruth t in truth.Lesions)
        {
            TrackedLesion tracked = t.BaselineCentreMm is { } b
                ? _assessment.Lesions.Single(l => l.Baseline is { } o && Near(o.CentroidMm, b))
                : _assessment.Lesions.Single(l => l.Baseline is null && l.FollowUp is { } o && Near(o.CentroidMm, t.FollowUpCentreMm!.Value));
            JsonElement[] timePoints = [.. lesions[tracked.TrackingIdentifier].GetProperty("timePoints").EnumerateArray()];
            if (t.Design.Her2Class is { } her2Class)
            {
                JsonElement her2 = timePoints.Single(p => p.GetProperty("timePoint").GetString() == PatientReportComposer.TimePointHer2);
                Assert.Equal(her2Class, her2.GetProperty("evaluations").GetProperty(AssessmentCodes.ConceptHer2Class).GetString());
            }

            if (t.Design.Eortc is { } eortc)
            {
                JsonElement followUp = timePoints.Single(p => p.GetProperty("timePoint").GetString() == PatientReportComposer.TimePointFollowUp);
                Assert.Equal(eortc, followUp.GetProperty("evaluations").GetProperty(AssessmentCodes.ConceptEortc).GetString());
            }
        }
    }

    [Fact]
    public async Task Patient_UnknownPatient_FailsSayingNoReport()
    {
        var ex = await Assert.ThrowsAsync<CommandException>(() =>
            new PatientCommand(new StringWriter()).RunAsync(["NOBODY", "--data", DataFolder], TestContext.Current.CancellationToken));

        Assert.Contains("no patient report", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Patient_NoPatientId_IsAUsageError() =>
        await Assert.ThrowsAsync<UsageException>(() => new PatientCommand(new StringWriter()).RunAsync(["--json"], TestContext.Current.CancellationToken));

    private static bool Near(PatientVector p, (double X, double Y, double Z) q) =>
        (p - new PatientVector(q.X, q.Y, q.Z)).Length <= 3;
}
