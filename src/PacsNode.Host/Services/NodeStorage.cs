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
/// registered before the others it starts first, replaying the store journal (PowerLoss durability) before the
/// listener opens, then checkpoints the journal every <see cref="CheckpointInterval"/>; it is stopped last, with a
/// final checkpoint, so the writer outlives the listener and the pipeline and a clean stop leaves nothing to replay.
/// </summary>
internal sealed class NodeStorage : IHostedService, IDisposable
{
    /// <summary>How often journaled stores are flushed in place; replay after a power loss covers at most about this much.</summary>
    public static readonly TimeSpan CheckpointInterval = TimeSpan.FromSeconds(1);

    private readonly Lazy<(InstanceStore Store, IndexWriter Writer, InstanceArchive Archive)> _parts;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private Task _checkpoints = Task.CompletedTask;

    public NodeStorage(NodeIndex index, IOptions<StorageOptions> storageOptions, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(storageOptions);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _timeProvider = timeProvider;
        _logger = loggerFactory.CreateLogger<NodeStorage>();
        _parts = new(() =>
        {
            StorageOptions storage = storageOptions.Value;
            var writer = new IndexWriter(index.Database, timeProvider,
                new IndexWriterOptions { DeferDurability = storage.Durability == StorageDurability.PowerLoss },
                loggerFactory.CreateLogger<IndexWriter>());
            var store = new InstanceStore(
                new InstanceStoreOptions
                {
                    DataFolder = StorageOptions.InstancesFolder(storage.DataFolderFullPath),
                    DuplicatePolicy = storage.DuplicatePolicy,
                    Durability = storage.Durability,
                    MinimumFreeBytes = storage.MinimumFreeMegabytes * 1024L * 1024L,
                    TimeProvider = timeProvider,
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

    /// <summary>Replays the store journal, if any, then starts the periodic checkpoints.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        InstanceArchive archive = Archive;
        await archive.RecoverAsync().WaitAsync(cancellationToken);
        if (Store.IsJournaled)
        {
            _checkpoints = Task.Run(() => CheckpointLoopAsync(archive, _stopping.Token), CancellationToken.None);
        }
    }

    /// <summary>
    /// Stops the checkpoints, waits for index commits still running behind answered stores, makes a last checkpoint
    /// (the other services have stopped: nothing else is in flight), and closes the index writer and the journal. (Not
    /// IAsyncDisposable: the host is disposed synchronously, and the container refuses a singleton it can only dispose
    /// asynchronously.)
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _checkpoints.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (_parts.IsValueCreated)
        {
            try
            {
                await _parts.Value.Archive.WhenIndexedAsync();
                await _parts.Value.Archive.CheckpointAsync(CancellationToken.None);
            }
            finally
            {
                await _parts.Value.Writer.DisposeAsync();
                _parts.Value.Store.Dispose();
            }
        }
    }

    public void Dispose() => _stopping.Dispose();

    private async Task CheckpointLoopAsync(InstanceArchive archive, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(CheckpointInterval, _timeProvider, cancellationToken);
                await archive.CheckpointAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (IOException exception)
            {
                Log.CheckpointFailed(_logger, exception);
            }
        }
    }
}
