using PacsNode.Storage.Files;
using PacsNode.Storage.Index;
using Xunit;

namespace PacsNode.Storage.Tests.Index;

public sealed class ReindexerTests
{
    private const string Study = "1.2.826.0.1.3680043.10.4";
    private const string Series = "1.2.826.0.1.3680043.10.4.1";

    [Fact]
    public async Task RunAsync_FilesStoredButNotIndexed_IndexesThemAndReportsStrayFiles()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = new StorageHarness();
        for (int i = 1; i <= 3; i++)
        {
            await harness.Store.StoreAsync(TestInstances.File(Study, Series, $"{Series}.{i}"), ct);
        }

        string seriesFolder = Path.Combine(harness.Store.DataFolder, Study, Series);
        await File.WriteAllTextAsync(Path.Combine(seriesFolder, "1.2.3.dcm"), "not DICOM", ct);
        File.Copy(Path.Combine(seriesFolder, Series + ".1.dcm"), Path.Combine(seriesFolder, "9.9.dcm"));
        var reindexer = new Reindexer(harness.Store, harness.Writer);

        ReindexResult first = await reindexer.RunAsync(ct);
        ReindexResult second = await reindexer.RunAsync(ct);

        Assert.Equal(3, first.Indexed);
        Assert.Equal(2, first.Failed.Count);
        Assert.Contains(first.Failed, f => f.Contains("9.9.dcm: its UIDs name", StringComparison.Ordinal));
        Assert.Equal(3, second.Indexed);
        Assert.Equal(3, harness.Count("instance"));
        Assert.Equal(1, harness.Count("series"));
    }

    [Fact]
    public async Task RunAsync_FileDeletedAndUidStoredTwice_RemovesStaleRowAndReportsTheSecondCopy()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = new StorageHarness();
        StoreResult gone = await harness.Archive.StoreAsync(TestInstances.File(Study, Series, $"{Series}.1"), ct);
        await harness.Archive.StoreAsync(TestInstances.File(Study, Series, $"{Series}.2"), ct);
        const string otherStudy = Study + ".9";
        await harness.Store.StoreAsync(TestInstances.File(otherStudy, otherStudy + ".1", $"{Series}.2"), ct);
        File.Delete(gone.Path);

        ReindexResult result = await new Reindexer(harness.Store, harness.Writer).RunAsync(ct);

        Assert.Equal(1, result.Indexed);
        Assert.Equal(1, result.Removed);
        string failure = Assert.Single(result.Failed);
        Assert.Contains($"SOP Instance UID {Series}.2 is also stored at", failure, StringComparison.Ordinal);
        Assert.Equal(1, harness.Count("instance"));
        Assert.Equal(1, harness.Count("study"));
    }
}
