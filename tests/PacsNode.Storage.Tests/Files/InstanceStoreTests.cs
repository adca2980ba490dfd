using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO;
using PacsNode.Storage.Files;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Storage.Tests.Files;

public sealed class InstanceStoreTests : IDisposable
{
    private const string Study = "1.2.826.0.1.3680043.10.1";
    private const string Series = "1.2.826.0.1.3680043.10.1.1";
    private const string Sop = "1.2.826.0.1.3680043.10.1.1.1";

    private readonly TempDirectory _temp = new("store");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task StoreAsync_NewInstance_WritesFileAtUidPathThatReadsBack()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = NewStore();

        StoreResult result = await store.StoreAsync(TestInstances.File(Study, Series, Sop), ct);

        Assert.Equal(StoreOutcome.Stored, result.Outcome);
        Assert.Equal(Path.Combine(_temp.FullPath, Study, Series, Sop + ".dcm"), result.Path);
        Assert.Equal(new FileInfo(result.Path).Length, result.FileSize);
        DicomFile back = await DicomFile.OpenAsync(result.Path, null, ct);
        Assert.Equal(Sop, back.Dataset.GetString(DicomTag.SOPInstanceUID));
        Assert.Equal(Sop, back.FileMetaInformation.GetString(DicomTag.MediaStorageSOPInstanceUID));
        Assert.Empty(Directory.GetFiles(store.IncomingFolder));
    }

    [Fact]
    public async Task StoreAsync_ProcessCrashDurability_StoresTheSameFileWithoutTemps()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = new InstanceStore(new InstanceStoreOptions
        {
            DataFolder = _temp.FullPath,
            MinimumFreeBytes = 0,
            Durability = StorageDurability.ProcessCrash,
        });

        StoreResult result = await store.StoreAsync(TestInstances.File(Study, Series, Sop), ct);

        Assert.Equal(StoreOutcome.Stored, result.Outcome);
        DicomFile back = await DicomFile.OpenAsync(result.Path, null, ct);
        Assert.Equal(Sop, back.Dataset.GetString(DicomTag.SOPInstanceUID));
        Assert.Empty(Directory.GetFiles(store.IncomingFolder));
    }

    [Fact]
    public async Task StoreAsync_SeriesFolderRemovedFromOutsideBetweenStores_RecreatesItAndStores()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = NewStore();
        StoreResult first = await store.StoreAsync(TestInstances.File(Study, Series, Sop), ct);
        Directory.Delete(Path.Combine(_temp.FullPath, Study), recursive: true);

        StoreResult second = await store.StoreAsync(TestInstances.File(Study, Series, Sop + "1"), ct);

        Assert.Equal(StoreOutcome.Stored, second.Outcome);
        Assert.True(File.Exists(second.Path));
        Assert.False(File.Exists(first.Path));
        Assert.Empty(Directory.GetFiles(store.IncomingFolder));
    }

    [Fact]
    public async Task StoreAsync_ConcurrentStoresIntoOneSeries_AllStoredAndReadable()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = NewStore();

        StoreResult[] results = await Task.WhenAll(Enumerable.Range(1, 32).Select(i => Task.Run(
            () => store.StoreAsync(TestInstances.File(Study, Series, $"{Series}.{i}"), ct), ct)));

        Assert.All(results, r => Assert.Equal(StoreOutcome.Stored, r.Outcome));
        foreach (StoreResult result in results)
        {
            DicomFile back = await DicomFile.OpenAsync(result.Path, null, ct);
            Assert.Equal(Path.GetFileNameWithoutExtension(result.Path), back.Dataset.GetString(DicomTag.SOPInstanceUID));
        }
    }

    [Theory]
    [InlineData("../../etc", Series, Sop)]
    [InlineData(Study, "1.2/3", Sop)]
    [InlineData(Study, Series, "1.02")]
    [InlineData(Study, Series, "..")]
    public async Task StoreAsync_InvalidUid_ThrowsAndWritesNothing(string study, string series, string sop)
    {
        var store = NewStore();

        await Assert.ThrowsAsync<InvalidUidException>(
            () => store.StoreAsync(TestInstances.File(study, series, sop), TestContext.Current.CancellationToken));

        Assert.Equal(
            [store.IncomingFolder, Path.Combine(_temp.FullPath, StoreJournal.FolderName)],
            Directory.GetFileSystemEntries(_temp.FullPath).Order(StringComparer.Ordinal));
        Assert.Empty(Directory.GetFiles(store.IncomingFolder));
    }

    [Fact]
    public async Task StoreAsync_StreamOfRealFile_StoresBytesUnchanged()
    {
        RequiresTool.SharedTestData();
        var ct = TestContext.Current.CancellationToken;
        string source = TestData.Path("ibsi-suv-dro", "DRO", "DRO_0_0", "PT", "pet_dro_0_0_slice_000.dcm");
        var store = NewStore();

        await using var stream = File.OpenRead(source);
        StoreResult result = await store.StoreAsync(stream, ct);

        Assert.Equal(StoreOutcome.Stored, result.Outcome);
        Assert.Equal("1.2.826.0.1.3680043.8.498.9552046624551246673304.1.1", result.SopInstanceUid);
        Assert.Equal(DicomUid.ExplicitVRLittleEndian, result.TransferSyntaxUid);
        Assert.Equal(await File.ReadAllBytesAsync(source, ct), await File.ReadAllBytesAsync(result.Path, ct));
    }

    [Fact]
    public async Task StoreAsync_StreamThrowsMidway_LeavesNoFileAndNoTemp()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = NewStore();
        byte[] bytes = await TestInstances.EncodeAsync(TestInstances.File(Study, Series, Sop), ct);

        await Assert.ThrowsAsync<IOException>(() => store.StoreAsync(new FailingStream(bytes, bytes.Length / 2), ct));

        Assert.False(Directory.Exists(Path.Combine(_temp.FullPath, Study)));
        Assert.Empty(Directory.GetFiles(store.IncomingFolder));
    }

    [Fact]
    public async Task SweepTemporaryFiles_LeftoverTemps_DeletesOnlyThem()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = NewStore();
        StoreResult stored = await store.StoreAsync(TestInstances.File(Study, Series, Sop), ct);
        await File.WriteAllTextAsync(Path.Combine(store.IncomingFolder, "a1.tmp"), "half", ct);
        await File.WriteAllTextAsync(Path.Combine(store.IncomingFolder, "b2.tmp"), "half", ct);

        store.Dispose(); // a restart: the journal is the process's own while it is open
        using InstanceStore restarted = NewStore();
        int swept = restarted.SweepTemporaryFiles();

        Assert.Equal(2, swept);
        Assert.Empty(Directory.GetFiles(store.IncomingFolder));
        Assert.True(File.Exists(stored.Path));
    }

    [Theory]
    [InlineData(DuplicatePolicy.Keep, StoreOutcome.Duplicate, "Doe^John")]
    [InlineData(DuplicatePolicy.Reject, StoreOutcome.Rejected, "Doe^John")]
    [InlineData(DuplicatePolicy.Replace, StoreOutcome.Replaced, "Roe^Richard")]
    public async Task StoreAsync_SameUidsTwice_AppliesDuplicatePolicy(DuplicatePolicy policy, StoreOutcome expected, string kept)
    {
        var ct = TestContext.Current.CancellationToken;
        var store = NewStore(policy);
        await store.StoreAsync(TestInstances.File(Study, Series, Sop, "Doe^John"), ct);

        StoreResult second = await store.StoreAsync(TestInstances.File(Study, Series, Sop, "Roe^Richard"), ct);

        Assert.Equal(expected, second.Outcome);
        DicomFile onDisk = await DicomFile.OpenAsync(second.Path, null, ct);
        Assert.Equal(kept, onDisk.Dataset.GetString(DicomTag.PatientName));
        Assert.Empty(Directory.GetFiles(store.IncomingFolder));
    }

    [Theory]
    [InlineData(DuplicatePolicy.Keep)]
    [InlineData(DuplicatePolicy.Replace)]
    public async Task StoreAsync_ConcurrentStoresOfOneUid_OneStoredAndFileIntact(DuplicatePolicy policy)
    {
        var ct = TestContext.Current.CancellationToken;
        var store = NewStore(policy);

        StoreResult[] results = await Task.WhenAll(Enumerable.Range(0, 32).Select(i => Task.Run(
            () => store.StoreAsync(TestInstances.File(Study, Series, Sop, $"Name^{i}"), ct), ct)));

        Assert.Single(results, r => r.Outcome == StoreOutcome.Stored);
        StoreOutcome others = policy == DuplicatePolicy.Keep ? StoreOutcome.Duplicate : StoreOutcome.Replaced;
        Assert.Equal(31, results.Count(r => r.Outcome == others));
        DicomFile onDisk = await DicomFile.OpenAsync(results[0].Path, null, ct);
        Assert.StartsWith("Name^", onDisk.Dataset.GetString(DicomTag.PatientName), StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(Path.Combine(_temp.FullPath, Study, Series)));
        Assert.Empty(Directory.GetFiles(store.IncomingFolder));
    }

    [Fact]
    public async Task StoreAsync_FreeSpaceBelowThreshold_ReturnsOutOfResourcesAndWritesNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        long free = new DriveInfo(_temp.FullPath).AvailableFreeSpace;
        var store = new InstanceStore(new InstanceStoreOptions { DataFolder = _temp.FullPath, MinimumFreeBytes = free + (1L << 40) });
        byte[] bytes = await TestInstances.EncodeAsync(TestInstances.File(Study, Series, Sop), ct);

        StoreResult fromFile = await store.StoreAsync(TestInstances.File(Study, Series, Sop), ct);
        StoreResult fromStream = await store.StoreAsync(new MemoryStream(bytes), ct);

        Assert.Equal(StoreOutcome.OutOfResources, fromFile.Outcome);
        Assert.Equal(StoreOutcome.OutOfResources, fromStream.Outcome);
        Assert.False(Directory.Exists(Path.Combine(_temp.FullPath, Study)));
        Assert.Empty(Directory.GetFiles(store.IncomingFolder));
    }

    [Fact]
    public void GetAvailableFreeSpace_DataFolder_MatchesVolume()
    {
        var store = NewStore();

        long free = store.GetAvailableFreeSpace();

        Assert.InRange(free, 1, new DriveInfo(_temp.FullPath).TotalSize);
    }

    private InstanceStore NewStore(DuplicatePolicy policy = DuplicatePolicy.Keep) =>
        new(new InstanceStoreOptions { DataFolder = _temp.FullPath, DuplicatePolicy = policy, MinimumFreeBytes = 0 });
}
