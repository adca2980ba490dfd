using PacsNode.Dicom.IO;
using PacsNode.Quantification.Suv;
using PacsNode.Quantification.Tests.Support;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Quantification.Tests.Volume;

/// <summary>
/// Each IBSI DRO exercises one rule (DRO/DRO_list.csv); its provenance must show that rule was the one applied,
/// so a right answer for the wrong reason is caught.
/// </summary>
public sealed class IbsiDroProvenanceTests
{
    [Theory]
    [InlineData("DRO_0_0", "BQML", ReferenceTimeSource.SeriesDateTime, InjectionTimeSource.StartDateTime)]
    [InlineData("DRO_3_1", "BQML", ReferenceTimeSource.NotApplicable, InjectionTimeSource.NotApplicable)]
    [InlineData("DRO_3_2", "BQML", ReferenceTimeSource.FrameReferenceBackComputation, InjectionTimeSource.StartDateTime)]
    [InlineData("DRO_3_3", "BQML", ReferenceTimeSource.SeriesDateTime, InjectionTimeSource.StartDateTime)]
    [InlineData("DRO_3_4", "BQML", ReferenceTimeSource.PerSliceAcquisition, InjectionTimeSource.StartDateTime)]
    [InlineData("DRO_4_0", "BQML", ReferenceTimeSource.SeriesDateTime, InjectionTimeSource.StartDateTime)]
    [InlineData("DRO_4_1", "BQML", ReferenceTimeSource.SeriesDateTime, InjectionTimeSource.StartTimeOnSeriesDate)]
    [InlineData("DRO_4_2", "BQML", ReferenceTimeSource.SeriesDateTime, InjectionTimeSource.StartTimeOnDayBeforeSeriesDate)]
    [InlineData("DRO_2_0", "GML", ReferenceTimeSource.NotApplicable, InjectionTimeSource.NotApplicable)]
    [InlineData("DRO_2_4", "CNTS", ReferenceTimeSource.NotApplicable, InjectionTimeSource.NotApplicable)]
    [InlineData("DRO_2_5", "CNTS", ReferenceTimeSource.SeriesDateTime, InjectionTimeSource.StartDateTime)]
    public async Task Dro_Provenance_NamesTheRuleItTests(string dro, string units, ReferenceTimeSource reference, InjectionTimeSource injection)
    {
        RequiresTool.SharedTestData();
        IReadOnlyList<DicomFile> files = await SeriesLoader.ReadFolderAsync(
            TestData.Path("ibsi-suv-dro", "DRO", dro, "PT"), SeriesLoader.HeadersOnly, TestContext.Current.CancellationToken);

        SuvResult result = SuvCalculator.Calculate([.. files.Select(f => f.Dataset)]);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(units, result.Factors.Units);
        Assert.Equal(reference, result.Factors.Provenance.ReferenceTimeSource);
        Assert.Equal(injection, result.Factors.Provenance.InjectionTimeSource);
    }

    [Fact]
    public async Task Dro30_DoseInMegabecquerel_ConvertedAndRecorded()
    {
        RequiresTool.SharedTestData();
        IReadOnlyList<DicomFile> files = await SeriesLoader.ReadFolderAsync(
            TestData.Path("ibsi-suv-dro", "DRO", "DRO_3_0", "PT"), SeriesLoader.HeadersOnly, TestContext.Current.CancellationToken);

        SuvResult result = SuvCalculator.Calculate([.. files.Select(f => f.Dataset)]);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.True(result.Factors.Provenance.DoseConvertedFromMegabecquerel);
        Assert.Equal(368_080_000, result.Factors.Provenance.DoseBq!.Value, 1e-3);
    }

    [Theory]
    [InlineData("DRO_2_4")]
    [InlineData("DRO_2_5")]
    public async Task PhilipsDroWithoutCreator_ReadsConventionalBlockAndWarns(string dro)
    {
        RequiresTool.SharedTestData();
        IReadOnlyList<DicomFile> files = await SeriesLoader.ReadFolderAsync(
            TestData.Path("ibsi-suv-dro", "DRO", dro, "PT"), SeriesLoader.HeadersOnly, TestContext.Current.CancellationToken);

        SuvResult result = SuvCalculator.Calculate([.. files.Select(f => f.Dataset)]);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Contains(result.Factors.Provenance.Warnings, w => w.Contains("no private creator", StringComparison.Ordinal));
    }
}
