using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO;
using PacsNode.Quantification.Kernels;
using PacsNode.Quantification.Lesions;
using PacsNode.Quantification.Phantoms;
using PacsNode.Quantification.Vois;
using PacsNode.StructuredReport.Content;
using PacsNode.StructuredReport.Documents;
using PacsNode.StructuredReport.Tid1500;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Pipeline.Tests.Reporting;

/// <summary>
/// The report processor on a stored phantom study: the SR's numbers are the quantifier's (run here independently on the
/// same files), the SEG's segments are the VOIs voxel for voxel (read back with the SEG reader the quantifier uses for
/// reader VOIs), re-running stores nothing new, a late slice makes version 2 naming version 1, and a series without a
/// weight gets the short report that says why.
/// </summary>
public sealed class PetReportProcessorTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Process_FdgPhantom_SrValuesAreTheQuantifiersAndSegSegmentsAreTheVois()
    {
        await using ReportingHarness harness = await ReportingHarness.CreateAsync(PhantomTracer.Fdg, Token);
        await harness.StoreAsync([.. harness.PetFiles, .. harness.CtFiles], Token);

        ProcessingOutcome outcome = await harness.ProcessAsync(Token);

        Assert.True(outcome.Succeeded, outcome.Summary);
        Assert.Equal(2, outcome.ResultInstanceUids.Count);
        DicomFile seg = await harness.OpenStoredAsync(outcome.ResultInstanceUids[0], Token);
        DicomFile sr = await harness.OpenStoredAsync(outcome.ResultInstanceUids[1], Token);
        Assert.Equal(DicomUid.SegmentationStorage, seg.Dataset.GetString(DicomTag.SOPClassUID));
        Assert.Equal(DicomUid.Comprehensive3DSRStorage, sr.Dataset.GetString(DicomTag.SOPClassUID));
        Assert.Equal(harness.StudyUid, sr.Dataset.GetString(DicomTag.StudyInstanceUID));

        List<DicomFile> pet = [];
        foreach (string path in harness.PetFiles)
        {
            pet.Add(await DicomFile.OpenAsync(path, null, Token));
        }

        using var kernels = new ReferenceKernels();
        QuantifyResult expected = await new PetQuantifier(kernels).QuantifyAsync(pet, new QuantifyRequest(), Token);
        Assert.True(expected.IsSuccess);
        Assert.NotEmpty(expected.Vois);
        Assert.True(expected.Liver.IsFound);

        StoredReport report = Tid1500Reader.Read(sr.Dataset);
        Assert.Null(report.NotQuantified);
        Assert.Equal([.. expected.Vois.Select(v => v.Voi.Id), "LIVER"], report.Groups.Select(g => g.TrackingIdentifier));
        foreach (MeasuredVoi voi in expected.Vois)
        {
            StoredMeasurementGroup group = report.Groups.Single(g => g.TrackingIdentifier == voi.Voi.Id);
            AssertValue(voi.Metrics.SuvMax, group.Find(Concepts.SuvBw, Concepts.Maximum));
            AssertValue(voi.Metrics.SuvMean, group.Find(Concepts.SuvBw, Concepts.Mean));
            AssertValue(voi.Metrics.SuvPeak, group.Find(Concepts.SuvBw, Concepts.PeakValueWithinRoi));
            AssertValue(voi.Metrics.SulPeak!.Value, group.Find(Concepts.SuvLbmJanma, Concepts.PeakValueWithinRoi));
            AssertValue(voi.Metrics.MtvMl, group.Find(Concepts.MetabolicVolume, null));
            AssertValue(voi.Metrics.Tlg!.Value, group.Find(Concepts.TotalLesionGlycolysis, null));
            Assert.Equal(seg.Dataset.GetString(DicomTag.SOPInstanceUID), group.Segment!.SopInstanceUid);
        }

        AssertValue(expected.Liver.Liver.SuvMean, report.Groups[^1].Find(Concepts.SuvBw, Concepts.Mean));

        var geometry = expected.Volume.Geometry;
        VoiReadResult segments = await SegReader.ReadAsync(seg.Dataset, geometry, expected.Series, Token);
        Assert.True(segments.IsSuccess, segments.Message);
        for (int i = 0; i < expected.Vois.Count; i++)
        {
            Assert.Equal(expected.Vois[i].Voi.Voxels, segments.Vois[i].Voxels);
        }

        Assert.Equal(expected.Vois.Count + 1, segments.Vois.Count);
        StoredMeasurementGroup liverGroup = report.Groups[^1];
        Assert.Equal(expected.Vois.Count + 1, liverGroup.Segment!.SegmentNumber);
        IReadOnlyList<SopReference> evidence = Evidence(sr.Dataset);
        Assert.Equal(harness.PetFiles.Count + harness.CtFiles.Count + 1, evidence.Count);
    }

    [Fact]
    public async Task Process_SameInputsTwice_StoresNothingNewAndAnswersTheSameInstances()
    {
        await using ReportingHarness harness = await ReportingHarness.CreateAsync(PhantomTracer.Fdg, Token);
        await harness.StoreAsync(harness.PetFiles, Token);

        ProcessingOutcome first = await harness.ProcessAsync(Token);
        ProcessingOutcome second = await harness.ProcessAsync(Token);

        Assert.True(second.Succeeded, second.Summary);
        Assert.Equal(first.ResultInstanceUids, second.ResultInstanceUids);
        Assert.Contains("already stored", second.Summary, StringComparison.Ordinal);
        string srSeries = (await harness.OpenStoredAsync(first.ResultInstanceUids[1], Token)).Dataset.GetString(DicomTag.SeriesInstanceUID)!;
        Assert.Single(await harness.Catalog.ListSeriesInstancesAsync(srSeries, Token));
    }

    [Fact]
    public async Task Process_LateSlice_SecondVersionNamesTheFirstAsPredecessor()
    {
        await using ReportingHarness harness = await ReportingHarness.CreateAsync(PhantomTracer.Fdg, Token);
        await harness.StoreAsync(harness.PetFiles.Take(harness.PetFiles.Count - 1), Token);
        ProcessingOutcome first = await harness.ProcessAsync(Token);
        await harness.StoreAsync([harness.PetFiles[^1]], Token);

        ProcessingOutcome second = await harness.ProcessAsync(Token);

        Assert.True(second.Succeeded, second.Summary);
        Assert.NotEqual(first.ResultInstanceUids[1], second.ResultInstanceUids[1]);
        DicomDataset v1 = (await harness.OpenStoredAsync(first.ResultInstanceUids[1], Token)).Dataset;
        DicomDataset v2 = (await harness.OpenStoredAsync(second.ResultInstanceUids[1], Token)).Dataset;
        Assert.Equal(v1.GetString(DicomTag.SeriesInstanceUID), v2.GetString(DicomTag.SeriesInstanceUID));
        Assert.Equal("1", v1.GetString(DicomTag.InstanceNumber));
        Assert.Equal("2", v2.GetString(DicomTag.InstanceNumber));
        StoredReport read = Tid1500Reader.Read(v2);
        Assert.Equal([first.ResultInstanceUids[1]], read.Predecessors.Select(p => p.SopInstanceUid));
        Assert.Empty(Tid1500Reader.Read(v1).Predecessors);
        Assert.Equal(harness.PetFiles.Count, Evidence(v2).Count(e => e.SopClassUid == DicomUid.PositronEmissionTomographyImageStorage));
    }

    [Fact]
    public async Task Process_NoPatientWeight_StoresTheNotQuantifiedReportWithTheCalculatorsReason()
    {
        await using ReportingHarness harness = await ReportingHarness.CreateAsync(PhantomTracer.Fdg, Token);
        foreach (string path in harness.PetFiles)
        {
            DicomFile file = await DicomFile.OpenAsync(path, null, Token);
            file.Dataset.Remove(DicomTag.PatientWeight);
            await harness.Archive.StoreAsync(file, Token);
        }

        ProcessingOutcome outcome = await harness.ProcessAsync(Token);

        Assert.True(outcome.Succeeded, outcome.Summary);
        Assert.Single(outcome.ResultInstanceUids);
        StoredReport read = Tid1500Reader.Read((await harness.OpenStoredAsync(outcome.ResultInstanceUids[0], Token)).Dataset);
        Assert.NotNull(read.NotQuantified);
        Assert.Equal("suv", read.NotQuantified.Stage);
        Assert.Contains("PatientWeight", read.NotQuantified.Message, StringComparison.Ordinal);
        Assert.Empty(read.Groups);
    }

    [Fact]
    public async Task Process_ReaderRtStruct_ReportsExactlyItsRoiWithTheQuantifiersValues()
    {
        RequiresTool.SharedTestData();
        string dro = TestData.Path("ibsi-suv-dro", "DRO", "DRO_0_0");
        string[] pet = [.. Directory.GetFiles(Path.Combine(dro, "PT")).Order(StringComparer.Ordinal)];
        string rs = Path.Combine(dro, "RS", "RS_dro_0_0.dcm");
        await using ReportingHarness harness = await ReportingHarness.CreateAsync(PhantomTracer.Fdg, Token);
        await harness.StoreAsync([.. pet, rs], Token);
        DicomDataset rtstruct = (await DicomFile.OpenAsync(rs, null, Token)).Dataset;
        var job = new PipelineJob(7, JobKind.ReaderVois, rtstruct.GetString(DicomTag.StudyInstanceUID)!, rtstruct.GetString(DicomTag.SeriesInstanceUID)!,
            rtstruct.GetString(DicomTag.SOPInstanceUID), "fingerprint", 1, "READER");

        ProcessingOutcome outcome = await harness.Processor.ProcessAsync(job, new StageTimer(TimeProvider.System), Token);

        Assert.True(outcome.Succeeded, outcome.Summary);
        List<DicomFile> files = [];
        foreach (string path in pet)
        {
            files.Add(await DicomFile.OpenAsync(path, null, Token));
        }

        using var kernels = new ReferenceKernels();
        QuantifyResult expected = await new PetQuantifier(kernels).QuantifyAsync(files, new QuantifyRequest { RtStruct = rtstruct }, Token);
        Assert.True(expected.IsSuccess);
        DicomDataset sr = (await harness.OpenStoredAsync(outcome.ResultInstanceUids[^1], Token)).Dataset;
        StoredReport report = Tid1500Reader.Read(sr);
        StoredMeasurementGroup[] lesions = [.. report.Groups.Where(g => g.TrackingIdentifier != "LIVER")];
        Assert.Equal(expected.Vois.Select(v => v.Voi.Name.Trim()), lesions.Select(g => g.TrackingIdentifier));
        AssertValue(expected.Vois[0].Metrics.SuvMax, lesions[0].Find(Concepts.SuvBw, Concepts.Maximum));
        AssertValue(expected.Vois[0].Metrics.SuvMean, lesions[0].Find(Concepts.SuvBw, Concepts.Mean));
        Assert.Contains(Evidence(sr), e => e.SopInstanceUid == rtstruct.GetString(DicomTag.SOPInstanceUID));
        Assert.Contains(report.Groups[0].Algorithm!.Parameters, p => p.Value.StartsWith("reader RTSTRUCT", StringComparison.Ordinal));
    }

    private static void AssertValue(double expected, Measurement? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected, actual.Value, Math.Abs(expected) * 1e-12);
    }

    private static IReadOnlyList<SopReference> Evidence(DicomDataset sr) =>
        HierarchicalReferences.Read(sr.GetSequence(DicomTag.CurrentRequestedProcedureEvidenceSequence));
}
