using Microsoft.Data.Sqlite;
using PacsNode.Dicom.IO;
using PacsNode.Storage.Files;
using PacsNode.Storage.Index;

namespace PacsNode.Storage.Tests.Files;

/// <summary>The node's storage as NodeStorage wires it under PowerLoss: journaled store, deferred index flushes.</summary>
internal sealed class JournaledNode : IAsyncDisposable
{
    private JournaledNode(InstanceStore store, IndexWriter writer)
    {
        Store = store;
        Writer = writer;
        Archive = new InstanceArchive(store, writer, TimeProvider.System);
    }

    public InstanceStore Store { get; }

    public IndexWriter Writer { get; }

    public InstanceArchive Archive { get; }

    public static JournaledNode Open(string dataFolder, string indexPath, DuplicatePolicy policy = DuplicatePolicy.Keep)
    {
        var store = new InstanceStore(new InstanceStoreOptions
        {
            DataFolder = dataFolder,
            DuplicatePolicy = policy,
            MinimumFreeBytes = 0,
        });
        var writer = new IndexWriter(IndexDatabase.Open(indexPath), TimeProvider.System,
            new IndexWriterOptions { DeferDurability = true });
        return new JournaledNode(store, writer);
    }

    /// <summary>Stores encoded Part 10 bytes as received blocks with their parsed header, indexed before it completes.</summary>
    public Task<StoreResult> StoreAsync(byte[] part10, CancellationToken cancellationToken)
    {
        var parsed = DicomFile.Parse(part10);
        return Archive.StoreAsync([part10], parsed.Dataset, parsed.TransferSyntax.Uid, cancellationToken);
    }

    /// <summary>Stores as the C-STORE SCP does: completes when durable, the index row may follow.</summary>
    public Task<StoreReceipt> StoreReceivedAsync(byte[] part10, CancellationToken cancellationToken)
    {
        var parsed = DicomFile.Parse(part10);
        return Archive.StoreReceivedAsync([part10], parsed.Dataset, parsed.TransferSyntax.Uid, cancellationToken);
    }

    /// <summary>Closes without a checkpoint, as a crash would leave things (the journal is not replayed here).</summary>
    public async ValueTask DisposeAsync()
    {
        await Writer.DisposeAsync();
        Store.Dispose();
        SqliteConnection.ClearAllPools();
    }
}
