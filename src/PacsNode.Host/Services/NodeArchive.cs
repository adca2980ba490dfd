using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PacsNode.Host.Options;
using PacsNode.Storage;
using PacsNode.Storage.Files;
using PacsNode.Storage.Index;

namespace PacsNode.Host.Services;

/// <summary>
/// The node's one file store and one index writer (SQLite wants a single writer), shared by the Storage SCP and the
/// report processor, so a report is stored exactly as a received instance is. Created on first use (sweeping temporary
/// files a crash left behind), disposed with the host after the hosted services have stopped.
/// </summary>
internal sealed class NodeArchive : IAsyncDisposable
{
    private readonly Lazy<(IndexWriter Writer, InstanceArchive Archive)> _archive;

    public NodeArchive(NodeIndex index, IOptions<StorageOptions> storageOptions, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        _archive = new Lazy<(IndexWriter, InstanceArchive)>(
            () =>
            {
                StorageOptions storage = storageOptions.Value;
                var writer = new IndexWriter(index.Database, timeProvider, null, loggerFactory.CreateLogger<IndexWriter>());
                var store = new InstanceStore(
                    new InstanceStoreOptions
                    {
                        DataFolder = StorageOptions.InstancesFolder(storage.DataFolderFullPath),
                        DuplicatePolicy = storage.DuplicatePolicy,
                        Durability = storage.Durability,
                        MinimumFreeBytes = storage.MinimumFreeMegabytes * 1024L * 1024L,
                    },
                    loggerFactory.CreateLogger<InstanceStore>());
                store.SweepTemporaryFiles();
                return (writer, new InstanceArchive(store, writer, timeProvider));
            },
            LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public InstanceArchive Archive => _archive.Value.Archive;

    public async ValueTask DisposeAsync()
    {
        if (_archive.IsValueCreated)
        {
            await _archive.Value.Writer.DisposeAsync();
        }
    }
}
