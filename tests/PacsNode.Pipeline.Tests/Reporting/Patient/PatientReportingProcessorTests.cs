using PacsNode.Pipeline.Reporting.Patient;
using PacsNode.Quantification.Assessment;
using PacsNode.Quantification.Phantoms;
using PacsNode.StructuredReport.Tid1500;
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
        await using PatientPipelineHarness node = await PatientPipelineHarness.CreateAsync("patient-trigger", ct);
        PatientPhantomResult phantom = node.Phantom;
        var outcomes = new List<ProcessingOutcome>();
        foreach (PhantomResult study in new[] { phantom.FollowUp, phantom.Baseline, phantom.Her2Pet })
        {
            outcomes.Add((await node.StoreAndProcessAsync(study, ct)).Outcome);
        }

        Assert.All(outcomes, o => Assert.True(o.Succeeded, o.Summary));
        Assert.Contains("needs 2", outcomes[0].Summary, StringComparison.Ordinal);
        Assert.Equal(2, outcomes[0].ResultInstanceUids.Count);
        Assert.Contains("patient report v1 stored (partial", outcomes[1].Summary, StringComparison.Ordinal);
        Assert.Equal(3, outcomes[1].ResultInstanceUids.Count);
        Assert.Contains("patient report v2 stored (complete", outcomes[2].Summary, StringComparison.Ordinal);
        Assert.Equal(3, outcomes[2].ResultInstanceUids.Count);

        (var reference, StoredReport report) = await node.LatestAsync(ct);
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
