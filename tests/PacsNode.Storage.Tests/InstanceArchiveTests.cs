using PacsNode.Dicom.IO;
using PacsNode.Storage.Files;
using Xunit;

namespace PacsNode.Storage.Tests;

public sealed class InstanceArchiveTests
{
    private const string Study = "1.2.826.0.1.3680043.10.5";
    private const string Series = "1.2.826.0.1.3680043.10.5.1";
    private const string Sop = "1.2.826.0.1.3680043.10.5.1.1";

    [Fact]
    public async Task StoreAsync_StreamThrowsMidway_LeavesNoFileAndNoIndexRow()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = new StorageHarness();
        byte[] bytes = await TestInstances.EncodeAsync(TestInstances.File(Study, Series, Sop), ct);

        await Assert.ThrowsAsync<IOException>(() => harness.Archive.StoreAsync(new FailingStream(bytes, bytes.Length - 10), ct));

        Assert.Equal(0, harness.Count("instance"));
        Assert.Equal(0, harness.Count("study"));
        Assert.False(Directory.Exists(Path.Combine(harness.Store.DataFolder, Study)));
        Assert.Empty(Directory.GetFiles(harness.Store.IncomingFolder));
    }

    [Fact]
    public async Task StoreAsync_StreamComplete_IsIndexedWhenTaskCompletes()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = new StorageHarness();
        byte[] bytes = await TestInstances.EncodeAsync(TestInstances.File(Study, Series, Sop), ct);

        StoreResult result = await harness.Archive.StoreAsync(new MemoryStream(bytes), ct);

        Assert.Equal(StoreOutcome.Stored, result.Outcome);
        Assert.Equal(1, harness.Count("instance"));
        Assert.Equal(bytes, await File.ReadAllBytesAsync(result.Path, ct));
    }

    [Fact]
    public async Task StoreAsync_DuplicateOfFileNeverIndexed_IndexesTheKeptFile()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = new StorageHarness(DuplicatePolicy.Keep);
        await harness.Store.StoreAsync(TestInstances.File(Study, Series, Sop), ct); // as if killed before the index commit

        StoreResult again = await harness.Archive.StoreAsync(TestInstances.File(Study, Series, Sop), ct);

        Assert.Equal(StoreOutcome.Duplicate, again.Outcome);
        Assert.Equal(1, harness.Count("instance"));
    }

    [Fact]
    public async Task StoreAsync_OutOfResources_IndexesNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = new StorageHarness();
        // A second store on the same folder: without a journal, which only one open store may hold.
        using var full = new InstanceStore(new InstanceStoreOptions
        {
            DataFolder = harness.Store.DataFolder,
            MinimumFreeBytes = long.MaxValue,
            Durability = StorageDurability.ProcessCrash,
        });

        StoreResult result = await new InstanceArchive(full, harness.Writer, TimeProvider.System)
            .StoreAsync(TestInstances.File(Study, Series, Sop), ct);

        Assert.Equal(StoreOutcome.OutOfResources, result.Outcome);
        Assert.Equal(0, harness.Count("instance"));
    }

    [Fact]
    public async Task StoreAsync_Blocks_WritesThemByteForByteAndIndexesTheGivenDataset()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = new StorageHarness();
        byte[] bytes = await TestInstances.EncodeAsync(TestInstances.File(Study, Series, Sop), ct);
        var parsed = DicomFile.Parse(bytes);
        ReadOnlyMemory<byte>[] blocks = [bytes.AsMemory(0, 132), bytes.AsMemory(132, 50), bytes.AsMemory(182)];

        StoreResult result = await harness.Archive.StoreAsync(blocks, parsed.Dataset, parsed.TransferSyntax.Uid, ct);

        Assert.Equal(StoreOutcome.Stored, result.Outcome);
        Assert.Equal(Path.Combine(harness.Store.DataFolder, Study, Series, Sop + ".dcm"), result.Path);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(result.Path, ct));
        Assert.Equal(bytes.Length, result.FileSize);
        Assert.Equal(1, harness.Count("instance"));
        Assert.Equal(1, harness.Count("study"));
        Assert.Empty(Directory.GetFiles(harness.Store.IncomingFolder));
    }

    [Fact]
    public async Task StoreAsync_BlocksOfAStoredUid_KeepsTheFirstFile()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = new StorageHarness(DuplicatePolicy.Keep);
        byte[] first = await TestInstances.EncodeAsync(TestInstances.File(Study, Series, Sop), ct);
        byte[] second = await TestInstances.EncodeAsync(TestInstances.File(Study, Series, Sop, "Other^Name"), ct);
        var parsedFirst = DicomFile.Parse(first);
        var parsedSecond = DicomFile.Parse(second);
        await harness.Archive.StoreAsync([first], parsedFirst.Dataset, parsedFirst.TransferSyntax.Uid, ct);

        StoreResult again = await harness.Archive.StoreAsync([second], parsedSecond.Dataset, parsedSecond.TransferSyntax.Uid, ct);

        Assert.Equal(StoreOutcome.Duplicate, again.Outcome);
        Assert.Equal(first, await File.ReadAllBytesAsync(again.Path, ct));
        Assert.Equal(1, harness.Count("instance"));
        Assert.Empty(Directory.GetFiles(harness.Store.IncomingFolder));
    }
}
