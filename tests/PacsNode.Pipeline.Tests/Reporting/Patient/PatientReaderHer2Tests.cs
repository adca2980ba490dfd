using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO;
using PacsNode.Pipeline.Reporting.Patient;
using PacsNode.Quantification.Assessment;
using PacsNode.Quantification.Phantoms;
using PacsNode.StructuredReport.Content;
using PacsNode.StructuredReport.Documents;
using PacsNode.StructuredReport.Tid1500;
using PacsNode.TestKit.StructuredReports;
using Xunit;

namespace PacsNode.Pipeline.Tests.Reporting.Patient;

/// <summary>
/// A reader's HER2-PET class replaces the node's proposed one in the patient report (DOMAIN.md section 5): after the
/// automatic patient report of the three-visit phantom, a reader's TID 1500 SR (another manufacturer, a Person Observer
/// Name) classes the lesion the node proposed HER2-2 (abdomen-low, 30 mm, the largest) as HER2-4. Its reader-her2 job
/// stores the next patient version naming the previous one, with the reader's class and status on that lesion, the
/// pattern and ZEPHIR group that follow (positive MTV 20³ + 24³ + 20³ + 30³ of 70648 = 0.80 → B, PERCIST PMD → POS-NORESP),
/// the reader named in the lesion's note, and the reader's SR in the evidence. The same job again stores nothing; a
/// reader-her2 job on the node's own SR does nothing.
/// </summary>
public sealed class PatientReaderHer2Tests
{
    private const string Observer = "Reader^Anna";

    [Fact]
    public async Task ReaderSr_ClassesProposedHer2TwoAsFour_NextPatientVersionUsesTheReadersClass()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using PatientPipelineHarness node = await PatientPipelineHarness.CreateAsync("patient-reader-her2", ct);
        PatientPhantomResult phantom = node.Phantom;
        DicomDataset her2Header = null!;
        foreach (PhantomResult study in new[] { phantom.Baseline, phantom.Her2Pet, phantom.FollowUp })
        {
            (ProcessingOutcome outcome, _, DicomDataset header) = await node.StoreAndProcessAsync(study, ct);
            Assert.True(outcome.Succeeded, outcome.Summary);
            her2Header = study == phantom.Her2Pet ? header : her2Header;
        }

        (SopReference automatic, StoredReport before) = await node.LatestAsync(ct);
        StoredMeasurementGroup proposed = Assert.Single(before.Groups, g => g.TimePoint == PatientReportComposer.TimePointHer2 && Evaluation(g, AssessmentCodes.ConceptHer2Class) == "HER2-2");
        Assert.Equal("C", Document(before, AssessmentCodes.ConceptHer2Pattern));
        Assert.Equal("NEG-NORESP", Document(before, AssessmentCodes.ConceptZephirGroup));

        // The node's own SR makes a reader-her2 job do nothing.
        ProcessingOutcome own = await node.RunAsync(JobKind.ReaderHer2, automatic.StudyInstanceUid, automatic.SeriesInstanceUid, automatic.SopInstanceUid, "PACSNODE", ct);
        Assert.True(own.Succeeded, own.Summary);
        Assert.Empty(own.ResultInstanceUids);
        Assert.Contains("made by the node", own.Summary, StringComparison.Ordinal);

        DicomFile readerSr = ReaderHer2Sr.Write(her2Header, [(proposed.TrackingIdentifier!, proposed.TrackingUid!, ReaderHer2Sr.Class("HER2-4"))], Observer);
        string readerUid = readerSr.Dataset.GetString(DicomTag.SOPInstanceUID)!;
        (ProcessingOutcome onReader, PipelineJob job) = await node.StoreAndProcessReaderAsync(readerSr, ct);
        Assert.Equal(JobKind.ReaderHer2, job.Kind);
        Assert.True(onReader.Succeeded, onReader.Summary);
        string stored = Assert.Single(onReader.ResultInstanceUids);

        (SopReference next, StoredReport after) = await node.LatestAsync(ct);
        Assert.Equal(stored, next.SopInstanceUid);
        Assert.Equal([automatic.SopInstanceUid], after.Predecessors.Select(p => p.SopInstanceUid));
        StoredMeasurementGroup read = Assert.Single(after.Groups, g => g.TimePoint == PatientReportComposer.TimePointHer2 && g.TrackingUid == proposed.TrackingUid);
        Assert.Equal("HER2-4", Evaluation(read, AssessmentCodes.ConceptHer2Class));
        Assert.Equal("POS", Evaluation(read, AssessmentCodes.ConceptHer2Status));
        Assert.Equal(proposed.Find(Concepts.LesionToBackgroundRatio, null)!.Value, read.Find(Concepts.LesionToBackgroundRatio, null)!.Value);
        Assert.Equal("B", Document(after, AssessmentCodes.ConceptHer2Pattern));
        Assert.Equal("POS-NORESP", Document(after, AssessmentCodes.ConceptZephirGroup));
        Assert.Contains(after.Notes, n => n.StartsWith(proposed.TrackingIdentifier + ":", StringComparison.Ordinal)
            && n.Contains($"HER2-PET class by reader {Observer} (SR {readerUid}), node proposed HER2-2", StringComparison.Ordinal));
        Assert.Equal(4, after.Notes.Count(n => n.Contains("HER2-PET class proposed by the node", StringComparison.Ordinal)));
        DicomFile nextFile = await DicomFile.OpenAsync((await node.Catalog.FindInstanceAsync(stored, ct))!.FilePath, null, ct);
        Assert.Contains(readerUid, EvidenceUids(nextFile.Dataset));

        // The same SR again: the same assessment, already stored, nothing new (no loop through the node's own output).
        ProcessingOutcome again = await node.RerunAsync(job, ct);
        Assert.True(again.Succeeded, again.Summary);
        Assert.Empty(again.ResultInstanceUids);
        Assert.Contains("already stored", again.Summary, StringComparison.Ordinal);
    }

    private static List<string> EvidenceUids(DicomDataset dataset) =>
    [
        .. (dataset.GetSequence(DicomTag.CurrentRequestedProcedureEvidenceSequence)?.Items ?? [])
            .SelectMany(study => study.GetSequence(DicomTag.ReferencedSeriesSequence)?.Items ?? [])
            .SelectMany(series => series.GetSequence(DicomTag.ReferencedSOPSequence)?.Items ?? [])
            .Select(sop => sop.GetString(DicomTag.ReferencedSOPInstanceUID))
            .OfType<string>(),
    ];

    private static string? Evaluation(StoredMeasurementGroup group, string concept) =>
        group.Evaluations.SingleOrDefault(e => e.Concept.Value == concept)?.Value.Value;

    private static string? Document(StoredReport report, string concept) =>
        report.Evaluations.SingleOrDefault(e => e.Concept.Value == concept)?.Value.Value;
}
