using Microsoft.Data.Sqlite;
using PacsNode.Dicom.IO;
using PacsNode.Storage.Files;
using PacsNode.Storage.Index;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Storage.Tests.Files;

/// <summary>
/// The C-STORE SCP's store under PowerLoss (<see cref="InstanceArchive.StoreReceivedAsync"/>): it completes once the
/// instance is durable (journal flushed, file renamed into place) and commits the index row behind the answer. These
/// tests hold the index's write lock from another connection, or make its insert fail with a trigger, to show that
/// the answer does not wait for the row, that readers and a second store of the UID do, and that a row that failed
/// to commit comes back from the journal at the next start.
/// </summary>
public sealed class IndexBehindTests : IDisposable
{
    private const string Study = "1.2.826.0.1.3680043.10.8";
    private const string Series = "1.2.826.0.1.3680043.10.8.1";

    private readonly TempDirectory _temp = new("index-behind");

    private string DataFolder => _temp.Combine("instances");

    private string IndexPath => _temp.Combine("index.sqlite");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task StoreReceivedAsync_IndexLocked_AnswersDurableBeforeTheRowAndReadersWaitForIt()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var node = JournaledNode.Open(DataFolder, IndexPath);
        byte[] bytes = await EncodeAsync(Series + ".1", ct);
        await node.StoreAsync(await EncodeAsync(Series + ".0", ct), ct); // opens the writer's connection

        StoreReceipt receipt;
        Task whenIndexed;
        Task<StoreReceipt> again;
        using (SqliteConnection blocker = HoldWriteLock())
        {
            receipt = await node.StoreReceivedAsync(bytes, ct).WaitAsync(TimeSpan.FromSeconds(20), ct);
            Assert.Equal(StoreOutcome.Stored, receipt.Store.Outcome);
            Assert.Equal(bytes, await File.ReadAllBytesAsync(receipt.Store.Path, ct)); // under its final name already
            whenIndexed = node.Archive.WhenIndexedAsync();
            again = node.StoreReceivedAsync(bytes, ct); // the same UID waits for the first one's row
            await Task.Delay(300, ct);
            Assert.False(receipt.Indexed.IsCompleted, "the row cannot be committed while the lock is held");
            Assert.False(whenIndexed.IsCompleted);
            Assert.False(again.IsCompleted);
            Assert.Equal(1, CountInstances(blocker));
            await blocker.CloseAsync();
        }

        await receipt.Indexed.WaitAsync(TimeSpan.FromSeconds(20), ct);
        await whenIndexed.WaitAsync(TimeSpan.FromSeconds(20), ct);
        Assert.Equal(2, CountInstances());
        StoreReceipt second = await again.WaitAsync(TimeSpan.FromSeconds(20), ct);
        Assert.Equal(StoreOutcome.Duplicate, second.Store.Outcome);
        Assert.True(second.Indexed.IsCompletedSuccessfully);
        Assert.True(node.Archive.WhenIndexedAsync().IsCompleted);
    }

    [Fact]
    public async Task StoreReceivedAsync_RowFailsBehindTheAnswer_CheckpointStopsBeforeItAndTheNextStartIndexesIt()
    {
        var ct = TestContext.Current.CancellationToken;
        byte[] bytes = await EncodeAsync(Series + ".2", ct);
        string path;
        await using (var node = JournaledNode.Open(DataFolder, IndexPath))
        {
            await node.StoreAsync(await EncodeAsync(Series + ".0", ct), ct);
            Execute("CREATE TRIGGER refuse BEFORE INSERT ON instance BEGIN SELECT RAISE(ABORT, 'injected'); END;");
            StoreReceipt receipt = await node.StoreReceivedAsync(bytes, ct);
            Assert.Equal(StoreOutcome.Stored, receipt.Store.Outcome);
            path = receipt.Store.Path;
            await Assert.ThrowsAsync<SqliteException>(() => receipt.Indexed.WaitAsync(TimeSpan.FromSeconds(20), ct));
            await node.Archive.WhenIndexedAsync(); // settles, failures included
            await node.Archive.CheckpointAsync(ct); // must not pass the record whose row is missing
            Execute("DROP TRIGGER refuse;");
            Assert.Equal(1, CountInstances());
        }

        await using (var node = JournaledNode.Open(DataFolder, IndexPath))
        {
            Assert.Equal(1, node.Store.PendingJournalRecords);
            await node.Archive.RecoverAsync();
            Assert.Equal(2, CountInstances());
            Assert.Equal(bytes, await File.ReadAllBytesAsync(path, ct));
        }
    }

    [Fact]
    public async Task StoreReceivedAsync_JournalFlushFails_FailsWithoutFileOrRowAndLaterStoresFailToo()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var node = JournaledNode.Open(DataFolder, IndexPath);
        await node.StoreAsync(await EncodeAsync(Series + ".0", ct), ct);
        node.Store.Journal!.FlushSegment = _ => throw new IOException("injected: EIO from fsync");
        byte[] bytes = await EncodeAsync(Series + ".4", ct);
        string path = node.Store.GetPath(Study, Series, Series + ".4");

        IOException error = await Assert.ThrowsAsync<IOException>(() => node.StoreReceivedAsync(bytes, ct));
        Assert.Contains("store journal", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(path), "the file is renamed into place only after the flush");
        await node.Archive.WhenIndexedAsync();
        Assert.Equal(1, CountInstances());
        _ = Assert.Single(StoredFiles.Under(DataFolder)); // the first instance only: no temporary file is left

        node.Store.Journal.FlushSegment = RandomAccess.FlushToDisk;
        _ = await Assert.ThrowsAsync<IOException>(() => node.StoreReceivedAsync(bytes, ct));
        Assert.Equal(1, CountInstances());
    }

    [Fact]
    public async Task StoreReceivedAsync_ProcessCrashDurability_IndexesBeforeItCompletes()
    {
        var ct = TestContext.Current.CancellationToken;
        using var store = new InstanceStore(new InstanceStoreOptions
        {
            DataFolder = DataFolder,
            MinimumFreeBytes = 0,
            Durability = StorageDurability.ProcessCrash,
        });
        await using var writer = new IndexWriter(IndexDatabase.Open(IndexPath), TimeProvider.System);
        var archive = new InstanceArchive(store, writer, TimeProvider.System);
        byte[] bytes = await EncodeAsync(Series + ".3", ct);
        var parsed = DicomFile.Parse(bytes);
        StoreReceipt receipt = await archive.StoreReceivedAsync([bytes], parsed.Dataset, parsed.TransferSyntax.Uid, ct);
        Assert.True(receipt.Indexed.IsCompletedSuccessfully);
        Assert.Equal(1, CountInstances());
    }

    private static async Task<byte[]> EncodeAsync(string sop, CancellationToken cancellationToken) =>
        await TestInstances.EncodeAsync(TestInstances.File(Study, Series, sop), cancellationToken);

    /// <summary>A connection holding the database's write lock (BEGIN IMMEDIATE) until it is closed.</summary>
    private SqliteConnection HoldWriteLock()
    {
        SqliteConnection connection = IndexFile.Open(IndexPath);
        IndexFile.Execute(connection, "BEGIN IMMEDIATE;");
        return connection;
    }

    private void Execute(string sql) => IndexFile.Execute(IndexPath, sql);

    private long CountInstances() => IndexFile.CountInstances(IndexPath);

    private static long CountInstances(SqliteConnection connection) => IndexFile.CountInstances(connection);
}
