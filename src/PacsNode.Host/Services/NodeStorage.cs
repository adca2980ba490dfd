using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PacsNode.Host.Options;
using PacsNode.Storage;
using PacsNode.Storage.Files;
using PacsNode.Storage.Index;

namespace PacsNode.Host.Services;

/// <summary>
/// The node's file store, its single index writer and the archive over both, created on first use and shared: the
/// Storage SCP stores received instances through <see cref="Archive"/>, and the report processor stores its results
/// through the same archive (never through the SCP, so they are not announced to the pipeline). As a hosted service
/// registered before the others it is stopped last, so the writer outlives the listener and the pipeline.
/// </summary>
internal sealed class NodeStorage : IHostedService
{
    private readonly Lazy<(InstanceStore Store, IndexWriter Writer, InstanceArchive Archive)> _parts;

    public NodeStorage(NodeIndex index, IOptions<StorageOptions> storageOptions, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(storageOptions);
        _parts = new(() =>
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

            // Temporary files of stores a crash interrupted; swept here, once, before anyone (the Storage SCP or the
            // report processor, whichever comes first) can have a store in flight.
            store.SweepTemporaryFiles();
            return (store, writer, new InstanceArchive(store, writer, timeProvider));
        }, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public InstanceStore Store => _parts.Value.Store;

    public InstanceArchive Archive => _parts.Value.Archive;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Flushes and closes the index writer once every other service has stopped. (Not IAsyncDisposable: the host is
    /// disposed synchronously, and the container refuses a singleton it can only dispose asynchronously.)
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_parts.IsValueCreated)
        {
            await _parts.Value.Writer.DisposeAsync();
        }
    }
}
