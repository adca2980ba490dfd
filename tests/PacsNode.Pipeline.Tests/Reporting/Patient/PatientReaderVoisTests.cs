using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO;
using PacsNode.Pipeline.Reporting.Patient;
using PacsNode.Quantification.Assessment;
using PacsNode.Quantification.Phantoms;
using PacsNode.Storage.Index;
using PacsNode.StructuredReport.Content;
using PacsNode.StructuredReport.Documents;
using PacsNode.StructuredReport.Tid1500;
using PacsNode.TestKit.Segmentation;
using Xunit;

namespace PacsNode.Pipeline.Tests.Reporting.Patient;

/// <summary>
/// A reader's SEGs drive the patient report (DOMAIN.md section 5): after the automatic patient report of the three-visit
/// phantom, a reader outlines the lung nodule and the left pelvic node on the baseline, then on the follow-up, with
/// Tracking IDs and UIDs of their own and labels that differ from them. Each ReaderVois job stores a new patient report
/// version naming the previous one; the reader's lesions carry the reader's identifiers and UIDs, are matched by
/// identifier once both visits have them, and measure the design's SUVs. When a reader's SEG is gone, the next patient
/// version falls back to automatic detection for that series and says so; the job still succeeds.
/// </summary>
public sealed class PatientReaderVoisTests
{
    private const string LungId = "T-LUNG-1";
    private const string PelvisId = "T-PELVIS-2";
    private static readonly string LungUid = DerivedUid.Create("test-reader-tracking", LungId);
    private static readonly string PelvisUid = DerivedUid.Create("test-reader-tracking", PelvisId);

    [Fact]
    public async Task ReaderSegs_BaselineThenFollowUp_NewPatientVersionsCarryTheReadersTrackingAndFallBackWhenTheSegIsGone()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using PatientPipelineHarness node = await PatientPipelineHarness.CreateAsync("patient-reader", ct);
        PatientPhantomResult phantom = node.Phantom;
        IndexCatalog catalog = node.Catalog;
        string her2Series = string.Empty;
        foreach (PhantomResult study in new[] { phantom.Baseline, phantom.Her2Pet, phantom.FollowUp })
        {
            (ProcessingOutcome outcome, string seriesUid, _) = await node.StoreAndProcessAsync(study, ct);
            Assert.True(outcome.Succeeded, outcome.Summary);
            her2Series = study == phantom.Her2Pet ? seriesUid : her2Series;
        }

        (SopReference automatic, StoredReport automaticReport) = await node.LatestAsync(ct);
        Assert.DoesNotContain(automaticReport.Groups, g => g.TrackingIdentifier is LungId or PelvisId);
        PatientPhantomLesionTruth lung = phantom.Truth.Lesions.Single(l => l.Design.Name == "lung");
        PatientPhantomLesionTruth pelvis = phantom.Truth.Lesions.Single(l => l.Design.Name == "pelvis-left");

        // The baseline SEG: the follow-up is still automatic, so the reader's lesions are paired by position.
        DicomFile baselineSeg = await ReaderSegmentation.DrawAsync(phantom.Baseline.PetFolder, "baseline",
            [Sphere("Lung nodule", LungId, LungUid, lung, lung.BaselineCentreMm!.Value), Sphere("Pelvic node", PelvisId, PelvisUid, pelvis, pelvis.BaselineCentreMm!.Value)], ct);
        ProcessingOutcome onBaseline = await ReaderJobAsync(node, baselineSeg, ct);
        // The per-series report names the reader's lesions by the SEG's Tracking ID and UID, not its Segment Label.
        DicomFile seriesSr = await DicomFile.OpenAsync((await catalog.FindInstanceAsync(onBaseline.ResultInstanceUids[1], ct))!.FilePath, null, ct);
        StoredReport seriesReport = Tid1500Reader.Read(seriesSr.Dataset);
        Assert.Equal([LungUid, PelvisUid], [.. seriesReport.Groups.Where(g => g.TrackingIdentifier is LungId or PelvisId).Select(g => g.TrackingUid)]);
        (SopReference v3, StoredReport afterBaseline) = await node.LatestAsync(ct);
        Assert.Equal(onBaseline.ResultInstanceUids[^1], v3.SopInstanceUid);
        Assert.Equal([automatic.SopInstanceUid], afterBaseline.Predecessors.Select(p => p.SopInstanceUid));
        Assert.Equal(LungUid, Assert.Single(afterBaseline.Groups, g => g.TrackingIdentifier == LungId && g.TimePoint == PatientReportComposer.TimePointFollowUp).TrackingUid);
        Assert.Contains(afterBaseline.Notes, n => n.StartsWith(LungId + ": Tracked", StringComparison.Ordinal) && !n.Contains("reader's tracking identifier", StringComparison.Ordinal));
        Assert.Contains(afterBaseline.Notes, n => n.Contains("VOIs of reader SEG " + Uid(baselineSeg), StringComparison.Ordinal));

        // The follow-up SEG: both visits now carry the reader's identifiers, which pair the lesions.
        DicomFile followUpSeg = await ReaderSegmentation.DrawAsync(phantom.FollowUp.PetFolder, "follow-up",
            [Sphere("Pelvic node", PelvisId, PelvisUid, pelvis, pelvis.FollowUpCentreMm!.Value), Sphere("Lung nodule", LungId, LungUid, lung, lung.FollowUpCentreMm!.Value)], ct);
        ProcessingOutcome onFollowUp = await ReaderJobAsync(node, followUpSeg, ct);
        (SopReference v4, StoredReport report) = await node.LatestAsync(ct);
        Assert.Equal(onFollowUp.ResultInstanceUids[^1], v4.SopInstanceUid);
        Assert.Equal([v3.SopInstanceUid], report.Predecessors.Select(p => p.SopInstanceUid));
        Assert.Equal([LungId, PelvisId], report.Groups.Select(g => g.TrackingIdentifier).Distinct().Order(StringComparer.Ordinal));
        AssertReaderLesion(report, LungId, LungUid, lung.Design, onBaseline.ResultInstanceUids[0], onFollowUp.ResultInstanceUids[0]);
        AssertReaderLesion(report, PelvisId, PelvisUid, pelvis.Design, onBaseline.ResultInstanceUids[0], onFollowUp.ResultInstanceUids[0]);

        // The baseline SEG's file is lost: the next patient step measures the baseline automatically and says why.
        File.Delete((await catalog.FindInstanceAsync(Uid(baselineSeg), ct))!.FilePath);
        ProcessingOutcome again = await node.RunAsync(JobKind.SeriesReport, phantom.Her2Pet.Truth.StudyInstanceUid, her2Series, null, "MODALITY", ct);
        Assert.True(again.Succeeded, again.Summary);
        Assert.Contains("reader SEG " + Uid(baselineSeg), again.Summary, StringComparison.Ordinal);
        Assert.Contains(PatientStudyQuantifier.FallbackNote, again.Summary, StringComparison.Ordinal);
        (SopReference v5, StoredReport fallback) = await node.LatestAsync(ct);
        Assert.Equal([v4.SopInstanceUid], fallback.Predecessors.Select(p => p.SopInstanceUid));
        Assert.Equal(again.ResultInstanceUids[^1], v5.SopInstanceUid);
        Assert.Contains(fallback.Notes, n => n.Contains(Uid(baselineSeg), StringComparison.Ordinal) && n.EndsWith(PatientStudyQuantifier.FallbackNote, StringComparison.Ordinal));
        Assert.Contains(fallback.Groups, g => g.TrackingIdentifier == LungId && g.TimePoint == PatientReportComposer.TimePointBaseline);
    }

    private static ReaderSphere Sphere(string label, string trackingId, string trackingUid, PatientPhantomLesionTruth lesion, (double X, double Y, double Z) centre) =>
        new(label, trackingId, trackingUid, centre, (lesion.Design.DiameterMm / 2) + 2);

    private static void AssertReaderLesion(StoredReport report, string trackingId, string trackingUid, PatientPhantomLesion design, string baselineSeg, string followUpSeg)
    {
        StoredMeasurementGroup[] groups = [.. report.Groups.Where(g => g.TrackingIdentifier == trackingId)];
        Assert.Equal([PatientReportComposer.TimePointBaseline, PatientReportComposer.TimePointHer2, PatientReportComposer.TimePointFollowUp], groups.Select(g => g.TimePoint));
        Assert.All(groups, g => Assert.Equal(trackingUid, g.TrackingUid));
        StoredMeasurementGroup baseline = groups[0], her2 = groups[1], followUp = groups[2];

        // The segments are the node's per-series SEGs of the reader versions, found by the reader's tracking identifier.
        Assert.Equal(baselineSeg, baseline.Segment?.SopInstanceUid);
        Assert.Equal(followUpSeg, followUp.Segment?.SopInstanceUid);

        // Noise-free phantom: SUVmax inside the reader's sphere is the design's uptake.
        Assert.Equal(design.BaselineSuv!.Value, baseline.Find(Concepts.SuvBw, Concepts.Maximum)!.Value, design.BaselineSuv.Value * 0.01);
        Assert.Equal(design.FollowUpSuv!.Value, followUp.Find(Concepts.SuvBw, Concepts.Maximum)!.Value, design.FollowUpSuv.Value * 0.01);
        Assert.Equal(design.Her2Class, Evaluation(her2, AssessmentCodes.ConceptHer2Class));
        Assert.Equal(design.Eortc, Evaluation(followUp, AssessmentCodes.ConceptEortc));
        Assert.Contains(report.Notes, n => n.StartsWith(trackingId + ": Tracked", StringComparison.Ordinal) && n.Contains("matched by the reader's tracking identifier", StringComparison.Ordinal));
    }

    private static async Task<ProcessingOutcome> ReaderJobAsync(PatientPipelineHarness node, DicomFile seg, CancellationToken ct)
    {
        (ProcessingOutcome outcome, PipelineJob job) = await node.StoreAndProcessReaderAsync(seg, ct);
        Assert.Equal(JobKind.ReaderVois, job.Kind);
        Assert.True(outcome.Succeeded, outcome.Summary);
        Assert.Equal(3, outcome.ResultInstanceUids.Count);
        Assert.Contains("reader VOIs on", outcome.Summary, StringComparison.Ordinal);
        return outcome;
    }

    private static string Uid(DicomFile file) => file.Dataset.GetString(DicomTag.SOPInstanceUID)!;

    private static string? Evaluation(StoredMeasurementGroup group, string concept) =>
        group.Evaluations.SingleOrDefault(e => e.Concept.Value == concept)?.Value.Value;
}
