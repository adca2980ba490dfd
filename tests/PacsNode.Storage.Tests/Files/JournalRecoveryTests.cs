using Microsoft.Data.Sqlite;
using PacsNode.Storage.Files;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Storage.Tests.Files;

/// <summary>
/// PowerLoss durability through the store journal: what a Success promised must come back after a power loss took
/// everything that was not flushed. A power loss is simulated after the node is closed without a checkpoint: the
/// index files are put back as they were at the last checkpoint (its synchronous=NORMAL commits since then were never
/// flushed) and the instance files written since are truncated or deleted (never flushed either). Only the journal,
/// whose appends were flushed before each Success, is left as it was.
/// </summary>
public sealed class JournalRecoveryTests : IDisposable
{
    private const string Study = "1.2.826.0.1.3680043.10.7";
    private const string Series = "1.2.826.0.1.3680043.10.7.1";
    private const string OtherSeries = "1.2.826.0.1.3680043.10.7.2";

    private readonly TempDirectory _temp = new("journal-recovery");

    private string DataFolder => _temp.Combine("instances");

    private string IndexPath => _temp.Combine("index.sqlite");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task RecoverAsync_AfterSimulatedPowerLoss_RewritesEveryAcknowledgedFileAndIndexRow()
    {
        var ct = TestContext.Current.CancellationToken;
        byte[] baseline = await EncodeAsync(Series, Series + ".0", ct);
        await using (var node = JournaledNode.Open(DataFolder, IndexPath))
        {
            await node.StoreAsync(baseline, ct);
            await node.Archive.CheckpointAsync(ct);
        }

        var index = Snapshot.Take(IndexPath);
        var sent = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        await using (var node = JournaledNode.Open(DataFolder, IndexPath))
        {
            for (int i = 1; i <= 5; i++)
            {
                byte[] bytes = await EncodeAsync(Series, $"{Series}.{i}", ct);
                StoreResult result = await node.StoreAsync(bytes, ct);
                Assert.Equal(StoreOutcome.Stored, result.Outcome);
                sent.Add(result.Path, bytes);
            }
        }

        // The power loss: index back to the checkpoint, unflushed files torn or gone.
        index.Restore();
        string[] paths = [.. sent.Keys.Order(StringComparer.Ordinal)];
        await File.WriteAllBytesAsync(paths[0], [], ct);
        await File.WriteAllBytesAsync(paths[1], sent[paths[1]].AsSpan(0, 100).ToArray(), ct);
        File.Delete(paths[2]);
        Assert.Equal(1, CountInstances());

        await using (var node = JournaledNode.Open(DataFolder, IndexPath))
        {
            Assert.Equal(5, node.Store.PendingJournalRecords);
            await node.Archive.RecoverAsync();
        }

        foreach ((string path, byte[] bytes) in sent)
        {
            Assert.Equal(bytes, await File.ReadAllBytesAsync(path, ct));
        }

        Assert.Equal(6, CountInstances());
        Assert.Equal(
            paths.Prepend(Path.Combine(DataFolder, Study, Series, Series + ".0.dcm")).Order(StringComparer.Ordinal),
            IndexedPaths());
        await using (var node = JournaledNode.Open(DataFolder, IndexPath))
        {
            Assert.Equal(0, node.Store.PendingJournalRecords); // the replay ended with a checkpoint
        }
    }

    [Fact]
    public async Task RecoverAsync_ReplacementUnderOtherSeries_EndsWithOnlyTheNewCopyIndexed()
    {
        var ct = TestContext.Current.CancellationToken;
        const string Sop = Series + ".9";
        await using (var node = JournaledNode.Open(DataFolder, IndexPath, DuplicatePolicy.Replace))
        {
            await node.Archive.CheckpointAsync(ct);
        }

        var index = Snapshot.Take(IndexPath);
        byte[] first = await EncodeAsync(Series, Sop, ct);
        byte[] second = await EncodeAsync(OtherSeries, Sop, ct);
        string firstPath;
        string secondPath;
        await using (var node = JournaledNode.Open(DataFolder, IndexPath, DuplicatePolicy.Replace))
        {
            firstPath = (await node.StoreAsync(first, ct)).Path;
            StoreResult replaced = await node.StoreAsync(second, ct);
            Assert.Equal(StoreOutcome.Replaced, replaced.Outcome);
            secondPath = replaced.Path;
        }

        // Neither the deletion of the first copy nor the second file reached the disk.
        index.Restore();
        Directory.CreateDirectory(Path.GetDirectoryName(firstPath)!);
        await File.WriteAllBytesAsync(firstPath, first, ct);
        File.Delete(secondPath);

        await using (var node = JournaledNode.Open(DataFolder, IndexPath, DuplicatePolicy.Replace))
        {
            await node.Archive.RecoverAsync();
        }

        Assert.False(File.Exists(firstPath));
        Assert.Equal(second, await File.ReadAllBytesAsync(secondPath, ct));
        Assert.Equal([secondPath], IndexedPaths());
    }

    [Fact]
    public async Task StoreAsync_AfterUnreplayedCrash_ReplaysBeforeItsOwnStore()
    {
        var ct = TestContext.Current.CancellationToken;
        await using (var node = JournaledNode.Open(DataFolder, IndexPath))
        {
            await node.Archive.CheckpointAsync(ct);
        }

        var index = Snapshot.Take(IndexPath);
        byte[] lost = await EncodeAsync(Series, Series + ".1", ct);
        string lostPath;
        await using (var node = JournaledNode.Open(DataFolder, IndexPath))
        {
            lostPath = (await node.StoreAsync(lost, ct)).Path;
        }

        index.Restore();
        File.Delete(lostPath);

        // No explicit RecoverAsync: the next store waits for the replay.
        await using (var node = JournaledNode.Open(DataFolder, IndexPath))
        {
            StoreResult next = await node.StoreAsync(await EncodeAsync(Series, Series + ".2", ct), ct);
            Assert.Equal(StoreOutcome.Stored, next.Outcome);
        }

        Assert.Equal(lost, await File.ReadAllBytesAsync(lostPath, ct));
        Assert.Equal(2, CountInstances());
    }

    [Fact]
    public async Task CheckpointAsync_WithNothingStored_LeavesNothingToReplay()
    {
        var ct = TestContext.Current.CancellationToken;
        await using (var node = JournaledNode.Open(DataFolder, IndexPath))
        {
            for (int i = 1; i <= 3; i++)
            {
                await node.StoreAsync(await EncodeAsync(Series, $"{Series}.{i}", ct), ct);
            }

            await node.Archive.CheckpointAsync(ct);
            await node.Archive.CheckpointAsync(ct); // nothing new: a no-op
        }

        await using (var node = JournaledNode.Open(DataFolder, IndexPath))
        {
            Assert.Equal(0, node.Store.PendingJournalRecords);
        }

        Assert.Equal("1", ScalarText("SELECT COUNT(*) FROM store_checkpoint"));
    }

    private static async Task<byte[]> EncodeAsync(string series, string sop, CancellationToken cancellationToken) =>
        await TestInstances.EncodeAsync(TestInstances.File(Study, series, sop), cancellationToken);

    private long CountInstances() => IndexFile.CountInstances(IndexPath);

    private string[] IndexedPaths()
    {
        using SqliteConnection connection = IndexFile.Open(IndexPath);
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "SELECT file_path FROM instance ORDER BY file_path";
        using SqliteDataReader reader = command.ExecuteReader();
        var paths = new List<string>();
        while (reader.Read())
        {
            paths.Add(reader.GetString(0));
        }

        return [.. paths];
    }

    private string ScalarText(string sql) => IndexFile.ScalarText(IndexPath, sql);

    /// <summary>The index files as they were at a moment, to put back as a power loss would.</summary>
    private sealed class Snapshot
    {
        private readonly Dictionary<string, byte[]?> _files = new(StringComparer.Ordinal);

        public static Snapshot Take(string indexPath)
        {
            SqliteConnection.ClearAllPools();
            var snapshot = new Snapshot();
            foreach (string path in new[] { indexPath, indexPath + "-wal", indexPath + "-shm" })
            {
                snapshot._files[path] = File.Exists(path) ? File.ReadAllBytes(path) : null;
            }

            return snapshot;
        }

        public void Restore()
        {
            SqliteConnection.ClearAllPools();
            foreach ((string path, byte[]? bytes) in _files)
            {
                if (bytes is null)
                {
                    File.Delete(path);
                }
                else
                {
                    File.WriteAllBytes(path, bytes);
                }
            }
        }
    }
}
