using System.Diagnostics;
using System.Text.Json;
using PacsNode.Quantification.Phantoms;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Interop.Tests.Pipeline;

/// <summary>
/// Issue 6 end to end: storescu sends the three studies of a generated ZEPHIR patient (HER2-PET first, then the
/// follow-up, then the baseline) to <c>pacsnode serve</c>; without anything else happening the node stores a patient
/// report, and <c>pacsnode patient ID --json</c> prints, from it, the pattern, PERCIST and the ZEPHIR group of the
/// generator's truth.
/// </summary>
[Trait("Category", "Interop")]
public sealed class PatientPipelineInteropTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StorescuPatient_PatientCommandPrintsTheTruthFromTheStoredReport()
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
                    return;
                }
            }

            await Task.Delay(TimeSpan.FromSeconds(3), Token);
        }

        Assert.Fail("no complete patient report within 240 s; last output: " + last);
    }

    /// <summary>Each lesion's value of a per-lesion evaluation (null when none of its time points has it).</summary>
    private static IEnumerable<string?> LesionCodes(JsonElement report, string concept) =>
        report.GetProperty("lesions").EnumerateArray().Select(lesion => lesion.GetProperty("timePoints").EnumerateArray()
            .Select(t => t.TryGetProperty("evaluations", out JsonElement e) && e.TryGetProperty(concept, out JsonElement v) ? v.GetString() : null)
            .FirstOrDefault(v => v is not null));

    private static List<string> Sorted(IEnumerable<string?> values) => [.. values.Select(v => v ?? "-").Order(StringComparer.Ordinal)];
}
