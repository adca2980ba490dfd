using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Storage.Files;
using PacsNode.Storage.Queries;
using Xunit;

namespace PacsNode.Storage.Tests;

/// <summary>
/// A SOP Instance UID re-sent under other Study/Series UIDs, decided against the index: one UID is one instance,
/// wherever the sender files it.
/// </summary>
public sealed class DuplicateInstanceTests
{
    private const string Root = "1.2.826.0.1.3680043.10.7";
    private const string StudyA = Root + ".1";
    private const string SeriesA = StudyA + ".1";
    private const string StudyB = Root + ".2";
    private const string SeriesB = StudyB + ".1";
    private const string Sop = Root + ".9.1";

    [Theory]
    [InlineData(DuplicatePolicy.Keep, StoreOutcome.Duplicate)]
    [InlineData(DuplicatePolicy.Reject, StoreOutcome.Rejected)]
    public async Task StoreAsync_UidResentUnderOtherSeries_KeepsTheFirstFileOnly(DuplicatePolicy policy, StoreOutcome expected)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = new StorageHarness(policy);
        StoreResult first = await harness.Archive.StoreAsync(TestInstances.File(StudyA, SeriesA, Sop), ct);

        StoreResult again = await harness.Archive.StoreAsync(TestInstances.File(StudyB, SeriesB, Sop), ct);

        Assert.Equal(expected, again.Outcome);
        Assert.Equal(first.Path, again.Path);
        Assert.True(File.Exists(first.Path));
        Assert.False(File.Exists(harness.Store.GetPath(StudyB, SeriesB, Sop)));
        Assert.Empty(Directory.GetFiles(harness.Store.IncomingFolder));
        Assert.Equal(1, harness.Count("instance"));
        Assert.Equal([StudyA], await StudyUidsAsync(harness, ct));
    }

    [Fact]
    public async Task StoreAsync_ReplaceUnderOtherSeries_MovesRowDeletesOldFileAndEmptiedStudy()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = new StorageHarness(DuplicatePolicy.Replace);
        StoreResult first = await harness.Archive.StoreAsync(TestInstances.File(StudyA, SeriesA, Sop), ct);
        await harness.Archive.StoreAsync(TestInstances.File(StudyB, SeriesB, Root + ".9.2"), ct);

        StoreResult again = await harness.Archive.StoreAsync(TestInstances.File(StudyB, SeriesB, Sop), ct);

        Assert.Equal(StoreOutcome.Replaced, again.Outcome);
        Assert.Equal(first.Path, again.ReplacedPath);
        Assert.False(File.Exists(first.Path));
        Assert.True(File.Exists(again.Path));
        Assert.Equal(2, harness.Count("instance"));
        Assert.Equal(1, harness.Count("series"));
        Assert.Equal(1, harness.Count("study"));
        var retrieve = await harness.Queries().FindInstancesForRetrieveAsync(Identifier("IMAGE", ("SOPInstanceUID", Sop)), ct);
        Assert.Equal(again.Path, Assert.Single(retrieve).FilePath);
        var study = Assert.Single(await harness.Queries().FindAsync(
            Identifier("STUDY", ("StudyInstanceUID", ""), ("NumberOfStudyRelatedInstances", "")), QueryInformationModel.StudyRoot, ct));
        Assert.Equal(StudyB, study.GetString(DicomTag.StudyInstanceUID));
        Assert.Equal("2", study.GetString(DicomTag.NumberOfStudyRelatedInstances));
    }

    [Fact]
    public async Task StoreAsync_ReplaceAtSamePath_ReplacesWithoutDeletingTheNewFile()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = new StorageHarness(DuplicatePolicy.Replace);
        await harness.Archive.StoreAsync(TestInstances.File(StudyA, SeriesA, Sop, patientName: "Old^Name"), ct);

        StoreResult again = await harness.Archive.StoreAsync(TestInstances.File(StudyA, SeriesA, Sop, patientName: "New^Name"), ct);

        Assert.Equal(StoreOutcome.Replaced, again.Outcome);
        Assert.Null(again.ReplacedPath);
        Assert.True(File.Exists(again.Path));
        var patient = Assert.Single(await harness.Queries().FindAsync(
            Identifier("STUDY", ("PatientName", "")), QueryInformationModel.StudyRoot, ct));
        Assert.Equal("New^Name", patient.GetString(DicomTag.PatientName));
    }

    [Fact]
    public async Task StoreAsync_ConcurrentResendsUnderTwoSeries_LeaveOneFileAndOneRow()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = new StorageHarness(DuplicatePolicy.Keep);

        StoreResult[] results = await Task.WhenAll(
            harness.Archive.StoreAsync(TestInstances.File(StudyA, SeriesA, Sop), ct),
            harness.Archive.StoreAsync(TestInstances.File(StudyB, SeriesB, Sop), ct));

        Assert.Equal(1, results.Count(r => r.Outcome == StoreOutcome.Stored));
        Assert.Equal(1, results.Count(r => r.Outcome == StoreOutcome.Duplicate));
        Assert.Equal(1, harness.Count("instance"));
        Assert.Equal(1, harness.Count("study"));
        int files = Directory.EnumerateFiles(harness.Store.DataFolder, "*.dcm", SearchOption.AllDirectories).Count();
        Assert.Equal(1, files);
    }

    internal static async Task<string?[]> StudyUidsAsync(StorageHarness harness, CancellationToken ct)
    {
        var answers = await harness.Queries().FindAsync(Identifier("STUDY", ("StudyInstanceUID", "")), QueryInformationModel.StudyRoot, ct);
        return answers.Select(a => a.GetString(DicomTag.StudyInstanceUID)).ToArray();
    }

    internal static DicomDataset Identifier(string level, params (string Keyword, string Value)[] keys)
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
