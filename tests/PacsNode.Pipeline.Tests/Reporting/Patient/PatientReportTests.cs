using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO;
using PacsNode.Pipeline.Reporting.Patient;
using PacsNode.Quantification.Assessment;
using PacsNode.Quantification.Phantoms;
using PacsNode.Quantification.Volume;
using PacsNode.StructuredReport.Content;
using PacsNode.StructuredReport.Documents;
using PacsNode.StructuredReport.Tid1500;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Pipeline.Tests.Reporting.Patient;

/// <summary>
/// The stored patient report read back with <see cref="Tid1500Reader"/> against the generator's hand-stated truth
/// (patient-truth.json): every lesion's HER2-PET class and status, EORTC and group, the pattern, PERCIST and the ZEPHIR
/// group; the partial version without the follow-up; versions and idempotence; dciodvfy and dsrdump.
/// </summary>
public sealed class PatientReportTests(PatientReportFixture fixture) : IClassFixture<PatientReportFixture>
{
    private const double CentreToleranceMm = 3;

    [Fact]
    public async Task Complete_StoredReportReadsBackEveryCodeOfTheTruth()
    {
        PatientPhantomTruth truth = fixture.Phantom.Truth;
        (DicomDataset dataset, StoredReport report) = await ReadAsync(fixture.CompleteOutcome.Report.SopInstanceUid);

        Assert.False(fixture.CompleteOutcome.AlreadyStored);
        Assert.Equal(2, fixture.CompleteOutcome.Version);
        Assert.Equal(fixture.Phantom.FollowUp.Truth.StudyInstanceUid, report.StudyInstanceUid);
        Assert.Equal(new Code("126000", "DCM", "Imaging Measurement Report").Value, report.DocumentTitle.Value);
        Assert.Equal(truth.Her2Pattern, Evaluation(report.Evaluations, AssessmentCodes.ConceptHer2Pattern));
        Assert.Equal(truth.Her2Status, Evaluation(report.Evaluations, AssessmentCodes.ConceptHer2Status));
        Assert.Equal(truth.Percist, Evaluation(report.Evaluations, AssessmentCodes.ConceptPercist));
        Assert.Equal(truth.ZephirGroup, Evaluation(report.Evaluations, AssessmentCodes.ConceptZephirGroup));
        // Each visit names its alignment to the baseline: the follow-up's shift, rotation (none here) and method.
        Assert.Contains(report.Notes, n => n.StartsWith("visit FollowUp:", StringComparison.Ordinal)
            && n.Contains("; alignment to the baseline: shift (", StringComparison.Ordinal) && n.Contains("no rotation", StringComparison.Ordinal)
            && n.Contains(BodyAligner.TranslationMethod, StringComparison.Ordinal));

        foreach (PatientPhantomLesionTruth t in truth.Lesions)
        {
            PatientPhantomLesion d = t.Design;
            TrackedLesion lesion = Lesion(fixture.Complete, t);
            List<StoredMeasurementGroup> groups = [.. report.Groups.Where(g => g.TrackingIdentifier == lesion.TrackingIdentifier)];
            Assert.All(groups, g => Assert.Equal(lesion.TrackingUid, g.TrackingUid));
            string[] expectedTimePoints = d.Match switch
            {
                "new" => [PatientReportComposer.TimePointFollowUp],
                _ => [PatientReportComposer.TimePointBaseline, PatientReportComposer.TimePointHer2, PatientReportComposer.TimePointFollowUp],
            };
            Assert.Equal(expectedTimePoints, groups.Select(g => g.TimePoint));
            if (d.Her2Class is not null)
            {
                StoredMeasurementGroup her2 = groups.Single(g => g.TimePoint == PatientReportComposer.TimePointHer2);
                Assert.True(d.Her2Class == Evaluation(her2.Evaluations, AssessmentCodes.ConceptHer2Class), $"{d.Name}: HER2 class");
                Assert.Equal(d.Her2Status, Evaluation(her2.Evaluations, AssessmentCodes.ConceptHer2Status));
                Assert.Null(her2.Segment);
                Assert.Null(her2.Find(Concepts.TotalLesionGlycolysis, null));
                Assert.Equal(lesion.Her2Pet!.Metrics.SuvMax, her2.Find(Concepts.SuvBw, Concepts.Maximum)!.Value, 6);
                StoredMeasurementGroup baseline = groups.Single(g => g.TimePoint == PatientReportComposer.TimePointBaseline);
                Assert.NotNull(baseline.Segment);
                Assert.NotNull(baseline.Find(Concepts.TotalLesionGlycolysis, null));
            }

            if (d.Eortc is not null)
            {
                StoredMeasurementGroup followUp = groups.Single(g => g.TimePoint == PatientReportComposer.TimePointFollowUp);
                Assert.True(d.Eortc == Evaluation(followUp.Evaluations, AssessmentCodes.ConceptEortc), $"{d.Name}: EORTC");
                Assert.Equal(d.Group, Evaluation(followUp.Evaluations, AssessmentCodes.ConceptZephirGroup));
            }
        }

        IList<DicomDataset> schemes = dataset.GetSequence(DicomTag.CodingSchemeIdentificationSequence)!.Items;
        Assert.Contains(schemes, s => s.GetString(DicomTag.CodingSchemeDesignator) == AssessmentCodes.Scheme);
        HashSet<string> evidence = EvidenceUids(dataset);
        Assert.Equal(3, fixture.SeriesReportUids.Count);
        Assert.All(fixture.SeriesReportUids.Values, uid => Assert.Contains(uid, evidence));
    }

    [Fact]
    public async Task MissingFollowUp_PartialReportSaysWhatIsMissingAndHasNoResponseCodes()
    {
        (_, StoredReport report) = await ReadAsync(fixture.PartialOutcome.Report.SopInstanceUid);

        Assert.Equal(1, fixture.PartialOutcome.Version);
        Assert.Equal(fixture.Phantom.Her2Pet.Truth.StudyInstanceUid, report.StudyInstanceUid);
        Assert.NotEmpty(fixture.Partial.Missing);
        Assert.All(fixture.Partial.Missing, m => Assert.Contains("missing: " + m, report.Notes));
        Assert.Contains(report.Notes, n => n.StartsWith("PARTIAL", StringComparison.Ordinal));
        Assert.Equal(fixture.Phantom.Truth.Her2Pattern, Evaluation(report.Evaluations, AssessmentCodes.ConceptHer2Pattern));
        Assert.Null(Evaluation(report.Evaluations, AssessmentCodes.ConceptPercist));
        Assert.Null(Evaluation(report.Evaluations, AssessmentCodes.ConceptZephirGroup));
        Assert.DoesNotContain(report.Groups, g => g.TimePoint == PatientReportComposer.TimePointFollowUp);
        Assert.DoesNotContain(report.Groups.SelectMany(g => g.Evaluations), e => e.Concept.Value == AssessmentCodes.ConceptEortc);
    }

    [Fact]
    public async Task Versions_SecondNamesFirstAndSameAssessmentStoresNothingNew()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        (_, StoredReport report) = await ReadAsync(fixture.CompleteOutcome.Report.SopInstanceUid);

        Assert.Equal([fixture.PartialOutcome.Report.SopInstanceUid], report.Predecessors.Select(p => p.SopInstanceUid));
        Assert.True(fixture.RepeatOutcome.AlreadyStored);
        Assert.Equal(fixture.CompleteOutcome.Report, fixture.RepeatOutcome.Report);
        Assert.Single(await fixture.Catalog.ListSeriesInstancesAsync(fixture.CompleteOutcome.Report.SeriesInstanceUid, ct));
        var latest = await PatientReportService.ReadLatestAsync(fixture.Catalog, fixture.Phantom.Truth.PatientId, ct);
        Assert.Equal(fixture.CompleteOutcome.Report.SopInstanceUid, latest!.Value.Report.SopInstanceUid);
        Assert.Null(await PatientReportService.ReadLatestAsync(fixture.Catalog, "NO-SUCH-PATIENT", ct));
    }

    [Fact]
    [Trait("Category", "Interop")]
    public async Task StoredVersions_DciodvfyFindsNoErrorAndDsrdumpRendersTheCodes()
    {
        string dciodvfy = RequiresTool.OnPath("dciodvfy", "dicom3tools");
        string dsrdump = RequiresTool.Dcmtk("dsrdump");
        CancellationToken ct = TestContext.Current.CancellationToken;
        foreach (PatientReportOutcome outcome in new[] { fixture.PartialOutcome, fixture.CompleteOutcome })
        {
            string path = await fixture.FilePathAsync(outcome.Report.SopInstanceUid);
            ToolResult check = await ExternalTool.RunAsync(dciodvfy, [path], cancellationToken: ct);
            string output = check.StandardOutput + check.StandardError;
            Assert.False(output.Split('\n').Any(l => l.StartsWith("Error", StringComparison.Ordinal)), output);
            ToolResult dump = (await ExternalTool.RunAsync(dsrdump, [path], cancellationToken: ct)).AssertSuccess();
            Assert.Contains("Imaging Measurement Report", dump.StandardOutput, StringComparison.Ordinal);
            Assert.Contains($"=({fixture.Phantom.Truth.Her2Pattern},99PACSNODE,", dump.StandardOutput, StringComparison.Ordinal);
        }

        ToolResult complete = await ExternalTool.RunAsync(dsrdump, [await fixture.FilePathAsync(fixture.CompleteOutcome.Report.SopInstanceUid)], cancellationToken: ct);
        Assert.Contains($"=({fixture.Phantom.Truth.ZephirGroup},99PACSNODE,", complete.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("\"EORTC 1999 metabolic response\")=(", complete.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_WithoutSeriesReports_GroupsHaveNoSegmentUidIgnoresTimeAndWriterRefusesATrackingIdTwiceAtOneTimePoint()
    {
        var device = new ReportDevice { ManufacturerModelName = "PacsNode", SoftwareVersions = "test", DeviceSerialNumber = "T", ObserverUid = "1.2.3", ObserverName = "T" };
        var context = new PatientReportContext
        {
            StudyHeaders = fixture.StudyHeaders,
            ContentDateTime = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
            Device = device,
            Algorithm = new AlgorithmIdentification("PacsNode patient assessment", "test", []),
        };

        MeasurementReport report = PatientReportComposer.Compose(context, fixture.Complete);
        MeasurementReport later = PatientReportComposer.Compose(context with { ContentDateTime = context.ContentDateTime.AddDays(1) }, fixture.Complete);
        StoredReport read = Tid1500Reader.Read(Tid1500Writer.Write(report).Dataset);

        Assert.Equal(report.Document.SopInstanceUid, later.Document.SopInstanceUid);
        Assert.Equal(fixture.CompleteOutcome.Report.SeriesInstanceUid, report.Document.SeriesInstanceUid);
        Assert.Empty(report.Evidence);
        Assert.Equal(report.Groups.Count, read.Groups.Count);
        Assert.All(read.Groups, g => Assert.Null(g.Segment));
        Assert.True(read.Groups.Count > report.Groups.Select(g => g.TrackingIdentifier).Distinct(StringComparer.Ordinal).Count());
        var ex = Assert.Throws<ArgumentException>(() => Tid1500Writer.Write(report with { Groups = [.. report.Groups, report.Groups[0]] }));
        Assert.Contains("same time point", ex.Message, StringComparison.Ordinal);
    }

    private async Task<(DicomDataset Dataset, StoredReport Report)> ReadAsync(string sopInstanceUid)
    {
        DicomFile file = await DicomFile.OpenAsync(await fixture.FilePathAsync(sopInstanceUid), null, TestContext.Current.CancellationToken);
        return (file.Dataset, Tid1500Reader.Read(file.Dataset));
    }

    private static string? Evaluation(IReadOnlyList<QualitativeEvaluation> evaluations, string concept) =>
        evaluations.SingleOrDefault(e => e.Concept.Value == concept && e.Concept.Scheme == AssessmentCodes.Scheme)?.Value.Value;

    private static TrackedLesion Lesion(PatientAssessment assessment, PatientPhantomLesionTruth t) => t.BaselineCentreMm is { } b
        ? assessment.Lesions.Single(l => l.Baseline is { } o && Near(o.CentroidMm, b))
        : assessment.Lesions.Single(l => l.Baseline is null && l.FollowUp is { } o && Near(o.CentroidMm, t.FollowUpCentreMm!.Value));

    private static bool Near(PatientVector p, (double X, double Y, double Z) q) =>
        (p - new PatientVector(q.X, q.Y, q.Z)).Length <= CentreToleranceMm;

    private static HashSet<string> EvidenceUids(DicomDataset dataset) =>
    [
        .. (dataset.GetSequence(DicomTag.CurrentRequestedProcedureEvidenceSequence)?.Items ?? [])
            .SelectMany(study => study.GetSequence(DicomTag.ReferencedSeriesSequence)?.Items ?? [])
            .SelectMany(series => series.GetSequence(DicomTag.ReferencedSOPSequence)?.Items ?? [])
            .Select(sop => sop.GetString(DicomTag.ReferencedSOPInstanceUID))
            .OfType<string>(),
    ];
}
