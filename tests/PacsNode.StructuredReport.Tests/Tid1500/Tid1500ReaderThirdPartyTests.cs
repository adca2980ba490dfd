using PacsNode.Dicom.IO;
using PacsNode.StructuredReport.Content;
using PacsNode.StructuredReport.Tid1500;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.StructuredReport.Tests.Tid1500;

/// <summary>
/// The reader on TID 1500 reports written by others (shared/testdata, SOURCES.md sections 7–9). Expected values are the
/// ones dsrdump prints for the same files (the .dsrdump files shipped with them, or SOURCES.md's dsrdump facts).
/// </summary>
public sealed class Tid1500ReaderThirdPartyTests
{
    private static readonly Code LegacyMean = new("R-00317", "SRT", "Mean");
    private static readonly Code LegacyMaximum = new("G-A437", "SRT", "Maximum");
    private static readonly Code LegacyVolume = new("G-D705", "SRT", "Volume");

    [Fact]
    public async Task Read_DcmqiPetReport_GivesTheSuvValuesDsrdumpShows()
    {
        StoredReport report = await ReadAsync("dcmqi", "sr-example", "sr.dcm");

        Assert.Equal(Concepts.PetWholeBody, report.ProcedureReported);
        StoredMeasurementGroup group = Assert.Single(report.Groups);
        Assert.Equal("primary tumor", group.TrackingIdentifier);
        Assert.Equal("2.25.318774060119084600392715520575818119084", group.TrackingUid);
        Assert.Equal("1", group.TimePoint);
        Assert.Equal(new Code("M-80003", "SRT", "Neoplasm, Primary"), group.Finding);
        Assert.Equal("T-C5300", group.FindingSite?.Value);
        Assert.Equal("126410", group.MeasurementMethod?.Value);
        Assert.Equal(new SegmentReference("1.2.840.10008.5.1.4.1.1.66.4", "1.2.276.0.7230010.3.1.4.8323329.18591.1440001312.777033", 1), group.Segment);
        Assert.Equal("1.3.6.1.4.1.14519.5.2.1.2744.7002.261560220703676715130542397405", group.SourceSeriesInstanceUid);

        Measurement mean = group.Find(Concepts.SuvBw, LegacyMean)!;
        Assert.Equal(6.01529, mean.Value);
        Assert.True(Units.IsSuvBw(mean.Unit));
        Assert.Equal(10.3814, group.Find(Concepts.SuvBw, LegacyMaximum)!.Value);
        Assert.Equal(9.45534, group.Find(Concepts.SuvBw, Concepts.PeakValueWithinRoi)!.Value);
        Assert.Equal(33.5824, group.Find(LegacyVolume, null)!.Value);
        Assert.Equal(202.008, group.Find(Concepts.TotalLesionGlycolysis, null)!.Value);
        Assert.Equal(22, group.Measurements.Count); // the 22 NUM lines of dsrdump's output
        Assert.Null(report.NotQuantified);
    }

    [Fact]
    public async Task Read_Rsna2018PetReport_GivesElevenGroupsAndThePrimaryTumourValues()
    {
        StoredReport report = await ReadAsync("tid1500-fhir", "examples", "rsna2018_dataset2", "Measurements_User2_SemiAuto_Trial2.dcm");

        Assert.Equal(11, report.Groups.Count);
        StoredMeasurementGroup primary = report.Groups.Single(g => g.TrackingIdentifier == "primary tumor");
        Assert.Equal(10.2955, primary.Find(Concepts.SuvBw, LegacyMean)!.Value);
        Assert.Equal(20.8343, primary.Find(Concepts.SuvBw, LegacyMaximum)!.Value);
        Assert.Equal(18.6853, primary.Find(Concepts.SuvBw, Concepts.PeakValueWithinRoi)!.Value);
        Assert.Equal(39.5837, primary.Find(LegacyVolume, null)!.Value);
        Assert.Equal(407.532, primary.Find(Concepts.TotalLesionGlycolysis, null)!.Value);
    }

    [Fact]
    public async Task Read_HighdicomMultipleGroups_ReadsWhatItKnowsAndSkipsScoords()
    {
        StoredReport report = await ReadAsync("highdicom", "sr_document_with_multiple_groups.dcm");

        Assert.Equal(["Image0001", "LungNodule0001", "Aorta0001", "Vertebra0001"], report.Groups.Select(g => g.TrackingIdentifier));
        Assert.Equal(-119.07385253906, report.Groups[0].Measurements.Single().Value, 1e-9);
        StoredMeasurementGroup nodule = report.Groups[1];
        Assert.Equal(new Code("27925004", "SCT", "Nodule"), nodule.Finding);
        Assert.Equal("39607008", nodule.FindingSite?.Value);
        Assert.Equal(new Measurement(new Code("81827009", "SCT", "Diameter"), null, 10.0, new Code("mm", "UCUM", "mm")), nodule.Measurements.Single());
        Assert.Contains(nodule.Evaluations, e => e.Concept.Value == "121403" && e.Value.Value == "371928007");
        Assert.Equal(200.0, report.Groups[3].Measurements.Single().Value);
        Assert.Null(report.Groups[3].Segment);
    }

    [Fact]
    public async Task Read_DcmqiRadiomicsReport_ReadsEveryNumber()
    {
        // 1561 NUM items in the one measurement group, per the shipped dsrdump output.
        StoredReport report = await ReadAsync("tid1500-fhir", "examples", "rsna2018_dataset3", "1.2.276.0.7230010.3.1.4.0.13541.1541454323.848792.dcm");
        StoredMeasurementGroup group = Assert.Single(report.Groups);
        Assert.Equal("Mass", group.TrackingIdentifier);
        Assert.Equal(1561, group.Measurements.Count);
        Assert.Equal(0.4961525, group.Measurements[0].Value, 1e-9);
    }

    private static async Task<StoredReport> ReadAsync(params string[] path)
    {
        RequiresTool.SharedTestData();
        DicomFile file = await DicomFile.OpenAsync(TestData.Path(path), cancellationToken: TestContext.Current.CancellationToken);
        return Tid1500Reader.Read(file.Dataset);
    }
}
