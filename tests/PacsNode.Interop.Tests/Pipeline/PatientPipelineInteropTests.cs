using System.Diagnostics;
using System.Text.Json;
using PacsNode.Dicom.IO;
using PacsNode.Quantification.Phantoms;
using PacsNode.StructuredReport.Documents;
using PacsNode.TestKit;
using PacsNode.TestKit.Segmentation;
using PacsNode.TestKit.StructuredReports;
using Xunit;

namespace PacsNode.Interop.Tests.Pipeline;

/// <summary>
/// Issue 6 end to end: storescu sends the three studies of a generated ZEPHIR patient (HER2-PET first, then the
/// follow-up, then the baseline) to <c>pacsnode serve</c>; without anything else happening the node stores a patient
/// report, and <c>pacsnode patient ID --json</c> prints, from it, the pattern, PERCIST and the ZEPHIR group of the
/// generator's truth. Then a reader outlines two lesions on the baseline and on the follow-up and storescu sends the two
/// SEGs: the node makes a new patient report version, naming the automatic one, whose lesions are exactly the reader's,
/// with the reader's Tracking IDs and UIDs on every time point and the design's SUVmax. Last, a reader's TID 1500 SR
/// classes both lesions HER2-4: the next version uses the reader's classes (pattern A, HER2-PET positive) and names the
/// reader.
/// </summary>
[Trait("Category", "Interop")]
public sealed class PatientPipelineInteropTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private const string LungId = "T-LUNG-1";
    private const string PelvisId = "T-PELVIS-2";
    private static readonly string LungUid = DerivedUid.Create("interop-reader-tracking", LungId);
    private static readonly string PelvisUid = DerivedUid.Create("interop-reader-tracking", PelvisId);

    [Fact]
    public async Task StorescuPatientThenReaderSegs_PatientCommandPrintsTheTruthThenTheReadersLesions()
    {
        string storescu = RequiresTool.Dcmtk("storescu");
        using var dir = new TempDirectory("patient-e2e");
        PatientPhantomResult phantom = await PatientPhantomGenerator.GenerateAsync(
            new PatientPhantomSpec { Columns = 96, Rows = 96, Slices = 120 }, dir.Combine("phantom"), Token);
        string data = dir.Combine("data");
        await using PacsNodeServer node = await PacsNodeServer.StartAsync(data, new Dictionary<string, string?>
        {
            ["PacsNode__Pipeline__QuietSeconds"] = "3",
        }, cancellationToken: Token);

        string[] files = [.. new[] { phantom.Her2Pet, phantom.FollowUp, phantom.Baseline }
            .SelectMany(s => Directory.GetFiles(s.PetFolder).Order(StringComparer.Ordinal))];
        (await ExternalTool.RunAsync(storescu, ["-aec", "PACSNODE", "127.0.0.1", node.PortText, .. files],
            new ToolRunOptions { LogToTestOutput = false }, Token)).AssertSuccess();

        PatientPhantomTruth truth = phantom.Truth;
        var clock = Stopwatch.StartNew();
        string last = string.Empty;
        string? automatic = null;
        while (clock.Elapsed < TimeSpan.FromSeconds(240))
        {
            ToolResult result = await PacsNodeCli.RunAsync(["patient", truth.PatientId, "--json", "--data", data],
                new ToolRunOptions { LogToTestOutput = false }, Token);
            last = result.StandardOutput + result.StandardError;
            if (result.ExitCode == 0)
            {
                using var json = JsonDocument.Parse(result.StandardOutput);
                JsonElement evaluations = json.RootElement.GetProperty("evaluations");
                if (evaluations.TryGetProperty("PERCIST", out _))
                {
                    Assert.Equal(truth.Her2Pattern, evaluations.GetProperty("HER2PATTERN").GetString());
                    Assert.Equal(truth.Percist, evaluations.GetProperty("PERCIST").GetString());
                    Assert.Equal(truth.ZephirGroup, evaluations.GetProperty("ZEPHIRGROUP").GetString());
                    Assert.Equal(phantom.FollowUp.Truth.StudyInstanceUid, json.RootElement.GetProperty("studyInstanceUid").GetString());
                    Assert.Equal(truth.Lesions.Count, json.RootElement.GetProperty("lesions").GetArrayLength());

                    // Per lesion: the stored HER2 classes and EORTC categories are the truth's, lesion for lesion (as
                    // multisets: which tracking identifier a lesion got is the node's choice).
                    Assert.Equal(Sorted(truth.Lesions.Select(l => l.Design.Her2Class)), Sorted(LesionCodes(json.RootElement, "HER2CLASS")));
                    Assert.Equal(Sorted(truth.Lesions.Select(l => l.Design.Eortc)), Sorted(LesionCodes(json.RootElement, "EORTC")));
                    automatic = json.RootElement.GetProperty("sopInstanceUid").GetString();
                    break;
                }
            }

            await Task.Delay(TimeSpan.FromSeconds(3), Token);
        }

        Assert.True(automatic is not null, "no complete patient report within 240 s; last output: " + last);
        string readerVersion = await ReaderSegsAsync(storescu, node, phantom, dir, data, automatic!);
        await ReaderHer2ClassesAsync(storescu, node, phantom, dir, data, readerVersion);
    }

    /// <summary>
    /// A reading station's TID 1500 SR with (HER2CLASS, 99PACSNODE) = HER2-4 for both reader lesions, sent by storescu:
    /// the next patient version holds HER2-4/POS on both, the pattern is A (all tumour load positive, DOMAIN.md 5), the
    /// ZEPHIR group is one of the two positive groups, and each lesion's note names the reader and the node's proposal.
    /// </summary>
    private static async Task ReaderHer2ClassesAsync(string storescu, PacsNodeServer node, PatientPhantomResult phantom, TempDirectory dir, string data, string previous)
    {
        DicomFile her2Slice = await DicomFile.OpenAsync(Directory.GetFiles(phantom.Her2Pet.PetFolder).Order(StringComparer.Ordinal).First(), null, Token);
        DicomFile sr = ReaderHer2Sr.Write(her2Slice.Dataset,
            [(LungId, LungUid, ReaderHer2Sr.Class("HER2-4")), (PelvisId, PelvisUid, ReaderHer2Sr.Class("HER2-4"))], "Reader^Anna");
        string path = dir.Combine("reader-her2.dcm");
        await sr.SaveAsync(path, null, Token);
        (await ExternalTool.RunAsync(storescu, ["-R", "-aec", "PACSNODE", "127.0.0.1", node.PortText, path],
            new ToolRunOptions { LogToTestOutput = false }, Token)).AssertSuccess();

        var clock = Stopwatch.StartNew();
        string last = string.Empty;
        while (clock.Elapsed < TimeSpan.FromSeconds(180))
        {
            ToolResult result = await PacsNodeCli.RunAsync(["patient", phantom.Truth.PatientId, "--json", "--data", data],
                new ToolRunOptions { LogToTestOutput = false }, Token);
            last = result.StandardOutput + result.StandardError;
            using JsonDocument? json = result.ExitCode == 0 ? JsonDocument.Parse(result.StandardOutput) : null;
            if (json is not null && json.RootElement.GetProperty("sopInstanceUid").GetString() != previous)
            {
                Assert.Equal([previous], json.RootElement.GetProperty("predecessors").EnumerateArray().Select(p => p.GetString()));
                Assert.Equal([LungId, PelvisId], json.RootElement.GetProperty("lesions").EnumerateArray()
                    .Select(l => l.GetProperty("trackingIdentifier").GetString()).Order(StringComparer.Ordinal));
                Assert.All(LesionCodes(json.RootElement, "HER2CLASS"), c => Assert.Equal("HER2-4", c));
                Assert.All(LesionCodes(json.RootElement, "HER2STATUS"), c => Assert.Equal("POS", c));
                JsonElement evaluations = json.RootElement.GetProperty("evaluations");
                Assert.Equal("A", evaluations.GetProperty("HER2PATTERN").GetString());
                Assert.StartsWith("POS-", evaluations.GetProperty("ZEPHIRGROUP").GetString(), StringComparison.Ordinal);
                Assert.Equal(2, json.RootElement.GetProperty("notes").EnumerateArray()
                    .Count(n => n.GetString()!.Contains("HER2-PET class by reader Reader^Anna", StringComparison.Ordinal)));
                return;
            }

            await Task.Delay(TimeSpan.FromSeconds(3), Token);
        }

        Assert.Fail("no patient report version after the reader's HER2 SR within 180 s; last output: " + last);
    }

    /// <summary>
    /// The reader's SEGs (lung nodule and left pelvic node, labels unlike their Tracking IDs) on the baseline and the
    /// follow-up, sent by storescu; the patient report that follows them holds exactly the reader's two lesions.
    /// </summary>
    /// <returns>The SOP Instance UID of the patient report with the reader's lesions.</returns>
    private static async Task<string> ReaderSegsAsync(string storescu, PacsNodeServer node, PatientPhantomResult phantom, TempDirectory dir, string data, string automatic)
    {
        PatientPhantomLesionTruth lung = phantom.Truth.Lesions.Single(l => l.Design.Name == "lung");
        PatientPhantomLesionTruth pelvis = phantom.Truth.Lesions.Single(l => l.Design.Name == "pelvis-left");
        var segs = new List<string>();
        foreach ((PhantomResult visit, string name, bool baseline) in new[] { (phantom.Baseline, "baseline", true), (phantom.FollowUp, "follow-up", false) })
        {
            DicomFile seg = await ReaderSegmentation.DrawAsync(visit.PetFolder, name,
            [
                Sphere("Lung nodule", LungId, LungUid, lung, baseline ? lung.BaselineCentreMm!.Value : lung.FollowUpCentreMm!.Value),
                Sphere("Pelvic node", PelvisId, PelvisUid, pelvis, baseline ? pelvis.BaselineCentreMm!.Value : pelvis.FollowUpCentreMm!.Value),
            ], Token);
            string path = dir.Combine($"reader-{name}.dcm");
            await seg.SaveAsync(path, null, Token);
            segs.Add(path);
        }

        // -R: propose the files' own SOP classes (storescu's default list has no Segmentation Storage).
        (await ExternalTool.RunAsync(storescu, ["-R", "-aec", "PACSNODE", "127.0.0.1", node.PortText, .. segs],
            new ToolRunOptions { LogToTestOutput = false }, Token)).AssertSuccess();

        var clock = Stopwatch.StartNew();
        string last = string.Empty;
        while (clock.Elapsed < TimeSpan.FromSeconds(240))
        {
            ToolResult result = await PacsNodeCli.RunAsync(["patient", phantom.Truth.PatientId, "--json", "--data", data],
                new ToolRunOptions { LogToTestOutput = false }, Token);
            last = result.StandardOutput + result.StandardError;
            using JsonDocument? json = result.ExitCode == 0 ? JsonDocument.Parse(result.StandardOutput) : null;
            JsonElement[] lesions = json is null ? [] : [.. json.RootElement.GetProperty("lesions").EnumerateArray()];
            if (lesions.Length == 2 && lesions.All(l => l.GetProperty("timePoints").GetArrayLength() == 3 &&
                l.GetProperty("timePoints").EnumerateArray().All(t => t.GetProperty("sourceSeriesInstanceUid").GetString() is not null)) &&
                lesions.Select(l => l.GetProperty("trackingIdentifier").GetString()).Order(StringComparer.Ordinal).SequenceEqual([LungId, PelvisId]) &&
                ReaderVersionsDone(json!.RootElement))
            {
                // A new version, in a chain back to the automatic report.
                Assert.NotEqual(automatic, json.RootElement.GetProperty("sopInstanceUid").GetString());
                Assert.Single(json.RootElement.GetProperty("predecessors").EnumerateArray());
                foreach ((JsonElement lesion, PatientPhantomLesionTruth truth, string uid) in lesions
                    .Select(l => l.GetProperty("trackingIdentifier").GetString() == LungId ? (l, lung, LungUid) : (l, pelvis, PelvisUid)))
                {
                    Assert.Equal(uid, lesion.GetProperty("trackingUid").GetString());
                    JsonElement[] points = [.. lesion.GetProperty("timePoints").EnumerateArray()];
                    Assert.Equal(["baseline", "her2", "follow-up"], points.Select(p => p.GetProperty("timePoint").GetString()));

                    // Noise-free phantom: SUVmax inside the reader's sphere is the design's uptake; the evaluations are the design's.
                    Assert.Equal(truth.Design.BaselineSuv!.Value, SuvMax(points[0]), truth.Design.BaselineSuv.Value * 0.01);
                    Assert.Equal(truth.Design.FollowUpSuv!.Value, SuvMax(points[2]), truth.Design.FollowUpSuv.Value * 0.01);
                    Assert.Equal(truth.Design.Her2Class, points[1].GetProperty("evaluations").GetProperty("HER2CLASS").GetString());
                    Assert.Equal(truth.Design.Eortc, points[2].GetProperty("evaluations").GetProperty("EORTC").GetString());
                }

                Assert.Contains(json.RootElement.GetProperty("notes").EnumerateArray(),
                    n => n.GetString()!.StartsWith(LungId + ": Tracked", StringComparison.Ordinal) && n.GetString()!.Contains("matched by the reader's tracking identifier", StringComparison.Ordinal));
                return json.RootElement.GetProperty("sopInstanceUid").GetString()!;
            }

            await Task.Delay(TimeSpan.FromSeconds(3), Token);
        }

        throw new TimeoutException("no patient report with the reader's lesions within 240 s; last output: " + last);
    }

    /// <summary>True when the report's notes say both PET series were measured on the reader's VOIs.</summary>
    private static bool ReaderVersionsDone(JsonElement report) =>
        report.GetProperty("notes").EnumerateArray().Count(n => n.GetString()!.Contains("VOIs of reader SEG", StringComparison.Ordinal)) == 2;

    private static double SuvMax(JsonElement timePoint) => timePoint.GetProperty("measurements").GetProperty("SUVbw Maximum").GetDouble();

    private static ReaderSphere Sphere(string label, string trackingId, string trackingUid, PatientPhantomLesionTruth lesion, (double X, double Y, double Z) centre) =>
        new(label, trackingId, trackingUid, centre, (lesion.Design.DiameterMm / 2) + 2);

    /// <summary>Each lesion's value of a per-lesion evaluation (null when none of its time points has it).</summary>
    private static IEnumerable<string?> LesionCodes(JsonElement report, string concept) =>
        report.GetProperty("lesions").EnumerateArray().Select(lesion => lesion.GetProperty("timePoints").EnumerateArray()
            .Select(t => t.TryGetProperty("evaluations", out JsonElement e) && e.TryGetProperty(concept, out JsonElement v) ? v.GetString() : null)
            .FirstOrDefault(v => v is not null));

    private static List<string> Sorted(IEnumerable<string?> values) => [.. values.Select(v => v ?? "-").Order(StringComparer.Ordinal)];
}
