using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Storage.Files;
using PacsNode.Storage.Queries;
using Xunit;

namespace PacsNode.Storage.Tests.Queries;

/// <summary>
/// The derived attributes of PS3.4 C.3 (Number of ... Related ..., Modalities in Study, SOP Classes in Study) at
/// every level, counted by hand from the instances stored, after inserts, a replacement that moves an instance,
/// and deletes.
/// </summary>
public sealed class DerivedAttributesTests
{
    private const string Root = "1.2.826.0.1.3680043.10.8";
    private const string S1 = Root + ".1";
    private const string S1Pet = S1 + ".1";
    private const string S1Ct = S1 + ".2";
    private const string S2 = Root + ".2";
    private const string S2Sr = S2 + ".1";

    [Fact]
    public async Task Find_AfterInsertsReplaceAndDeletes_CountsWhatIsStored()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = new StorageHarness(DuplicatePolicy.Replace);
        for (int i = 1; i <= 3; i++)
        {
            await StoreAsync(harness, S1, S1Pet, $"{S1Pet}.{i}", "PT", DicomUid.PositronEmissionTomographyImageStorage, ct);
        }

        for (int i = 1; i <= 2; i++)
        {
            await StoreAsync(harness, S1, S1Ct, $"{S1Ct}.{i}", "CT", DicomUid.CTImageStorage, ct);
        }

        await StoreAsync(harness, S2, S2Sr, S2Sr + ".1", "SR", DicomUid.EnhancedSRStorage, ct);

        // P1: 2 studies, 3 series, 6 instances; S1: 2 series, 5 instances, CT and PT.
        Assert.Equal(("2", "3", "6"), await PatientCountsAsync(harness, ct));
        DicomDataset s1 = await StudyAsync(harness, S1, ct);
        Assert.Equal("2", s1.GetString(DicomTag.NumberOfStudyRelatedSeries));
        Assert.Equal("5", s1.GetString(DicomTag.NumberOfStudyRelatedInstances));
        Assert.Equal(["CT", "PT"], s1.GetStrings(DicomTag.ModalitiesInStudy));
        Assert.Equal(
            new[] { DicomUid.CTImageStorage, DicomUid.PositronEmissionTomographyImageStorage }.Order(StringComparer.Ordinal),
            s1.GetStrings(DicomTag.SOPClassesInStudy));
        Assert.Equal("3", await SeriesInstancesAsync(harness, S1, S1Pet, ct));

        // The SR instance re-sent into S1's PET series replaces it there: S2 is emptied and goes.
        await StoreAsync(harness, S1, S1Pet, S2Sr + ".1", "PT", DicomUid.EnhancedSRStorage, ct);
        Assert.Equal(("1", "2", "6"), await PatientCountsAsync(harness, ct));
        Assert.Equal("4", await SeriesInstancesAsync(harness, S1, S1Pet, ct));
        Assert.Equal(3, (await StudyAsync(harness, S1, ct)).GetStrings(DicomTag.SOPClassesInStudy).Count);

        // Deleting both CT instances removes the CT series and CT from Modalities in Study.
        await harness.Writer.DeleteAsync(S1Ct + ".1", ct);
        await harness.Writer.DeleteAsync(S1Ct + ".2", ct);
        Assert.Equal(("1", "1", "4"), await PatientCountsAsync(harness, ct));
        DicomDataset after = await StudyAsync(harness, S1, ct);
        Assert.Equal(["PT"], after.GetStrings(DicomTag.ModalitiesInStudy));
        Assert.Equal("1", after.GetString(DicomTag.NumberOfStudyRelatedSeries));
        Assert.Equal("4", after.GetString(DicomTag.NumberOfStudyRelatedInstances));
        Assert.Equal(1, harness.Count("series"));
    }

    [Fact]
    public async Task DeleteAsync_LastInstanceOfPatient_RemovesEveryLevel()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = new StorageHarness();
        await StoreAsync(harness, S2, S2Sr, S2Sr + ".1", "SR", DicomUid.EnhancedSRStorage, ct);

        await harness.Writer.DeleteAsync(S2Sr + ".1", ct);
        await harness.Writer.DeleteAsync("1.2.3.4", ct);

        Assert.Equal(0, harness.Count("instance"));
        Assert.Equal(0, harness.Count("series"));
        Assert.Equal(0, harness.Count("study"));
        Assert.Equal(0, harness.Count("patient"));
    }

    private static async Task StoreAsync(
        StorageHarness harness, string study, string series, string sop, string modality, string sopClass, CancellationToken ct)
    {
        DicomDataset dataset = TestInstances.Dataset(study, series, sop);
        dataset.SetString(DicomTag.Modality, DicomVR.CS, modality);
        dataset.SetString(DicomTag.SOPClassUID, DicomVR.UI, sopClass);
        await harness.Archive.StoreAsync(TestInstances.File(dataset), ct);
    }

    private static async Task<(string?, string?, string?)> PatientCountsAsync(StorageHarness harness, CancellationToken ct)
    {
        var answers = await harness.Queries().FindAsync(
            DuplicateInstanceTests.Identifier("PATIENT", ("PatientID", "P1"), ("NumberOfPatientRelatedStudies", ""),
                ("NumberOfPatientRelatedSeries", ""), ("NumberOfPatientRelatedInstances", "")),
            QueryInformationModel.PatientRoot, ct);
        DicomDataset answer = Assert.Single(answers);
        return (answer.GetString(DicomTag.NumberOfPatientRelatedStudies), answer.GetString(DicomTag.NumberOfPatientRelatedSeries),
            answer.GetString(DicomTag.NumberOfPatientRelatedInstances));
    }

    private static async Task<DicomDataset> StudyAsync(StorageHarness harness, string studyUid, CancellationToken ct) =>
        Assert.Single(await harness.Queries().FindAsync(
            DuplicateInstanceTests.Identifier("STUDY", ("StudyInstanceUID", studyUid), ("ModalitiesInStudy", ""),
                ("SOPClassesInStudy", ""), ("NumberOfStudyRelatedSeries", ""), ("NumberOfStudyRelatedInstances", "")),
            QueryInformationModel.StudyRoot, ct));

    private static async Task<string?> SeriesInstancesAsync(StorageHarness harness, string study, string series, CancellationToken ct) =>
        Assert.Single(await harness.Queries().FindAsync(
            DuplicateInstanceTests.Identifier("SERIES", ("StudyInstanceUID", study), ("SeriesInstanceUID", series),
                ("NumberOfSeriesRelatedInstances", "")),
            QueryInformationModel.StudyRoot, ct)).GetString(DicomTag.NumberOfSeriesRelatedInstances);
}
