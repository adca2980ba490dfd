using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Storage.Files;
using PacsNode.Storage.Queries;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Storage.Tests.Queries;

/// <summary>
/// The IBSI SUV digital reference object stored through the stream path and indexed. Truth from dcmdump over the
/// files: 357 instances of one patient "DRO" and one study 1.2.826.0.1.3680043.8.498.9552046624551246673304:
/// 17 PT series of 20 slices each and 17 RTSTRUCT series of one instance each.
/// </summary>
public sealed class DroCorpusTests
{
    private const string StudyUid = "1.2.826.0.1.3680043.8.498.9552046624551246673304";

    [Fact]
    public async Task StoreAndIndex_WholeDro_AnswersCountsAndModalities()
    {
        RequiresTool.SharedTestData();
        var ct = TestContext.Current.CancellationToken;
        string[] files = Directory.GetFiles(TestData.Path("ibsi-suv-dro"), "*.dcm", SearchOption.AllDirectories);
        await using var harness = new StorageHarness();

        StoreResult[] results = await Task.WhenAll(files.Select(async path =>
        {
            await using var stream = File.OpenRead(path);
            return await harness.StoreAndIndexAsync(stream, ct);
        }));

        Assert.Equal(357, files.Length);
        Assert.All(results, r => Assert.Equal(StoreOutcome.Stored, r.Outcome));
        var study = Assert.Single(await harness.Queries().FindAsync(Identifier("STUDY",
            ("PatientID", "DRO"), ("StudyInstanceUID", ""), ("ModalitiesInStudy", ""), ("NumberOfStudyRelatedSeries", ""),
            ("NumberOfStudyRelatedInstances", "")), QueryInformationModel.PatientRoot, ct));
        Assert.Equal(StudyUid, study.GetString(DicomTag.StudyInstanceUID));
        Assert.Equal(["PT", "RTSTRUCT"], study.GetStrings(DicomTag.ModalitiesInStudy));
        Assert.Equal("34", study.GetString(DicomTag.NumberOfStudyRelatedSeries));
        Assert.Equal("357", study.GetString(DicomTag.NumberOfStudyRelatedInstances));

        var structures = await harness.Queries().FindAsync(
            Identifier("SERIES", ("StudyInstanceUID", StudyUid), ("Modality", "RTSTRUCT"), ("NumberOfSeriesRelatedInstances", "")),
            QueryInformationModel.StudyRoot, ct);
        Assert.Equal(17, structures.Count);
        Assert.All(structures, s => Assert.Equal("1", s.GetString(DicomTag.NumberOfSeriesRelatedInstances)));

        var slices = await harness.Queries().FindInstancesForRetrieveAsync(
            Identifier("SERIES", ("StudyInstanceUID", StudyUid), ("SeriesInstanceUID", StudyUid + ".1")), ct);
        Assert.Equal(20, slices.Count);
    }

    private static DicomDataset Identifier(string level, params (string Keyword, string Value)[] keys)
    {
        var identifier = new DicomDataset();
        identifier.SetString(DicomTag.QueryRetrieveLevel, DicomVR.CS, level);
        foreach ((string keyword, string value) in keys)
        {
            var entry = DicomDictionary.LookupKeyword(keyword)!;
            identifier.SetString(entry.Tag, entry.VR, value);
        }

        return identifier;
    }
}
