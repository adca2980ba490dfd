using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PacsNode.Storage.Files;

namespace PacsNode.Storage.Index;

/// <summary>
/// The only writer of the index: one consumer of a bounded channel that commits whatever is queued (up to
/// <see cref="IndexWriterOptions.MaxBatchSize"/>) in one transaction on its own long-lived connection, on a thread
/// on a pool thread (SQLite calls are synchronous; the loop is the single
/// consumer, so they never run on a caller's or a socket's loop). Each caller awaits its own record's commit, so "stored and
/// indexed" can be acknowledged. When a batch fails, its records are retried one by one so that one bad record
/// fails only its own caller.
/// </summary>
public sealed class IndexWriter : IAsyncDisposable
{
    private readonly IndexDatabase _database;
    private readonly IndexWriterOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly Channel<PendingWrite> _queue;
    private readonly Task _loop;

    public IndexWriter(
        IndexDatabase database, TimeProvider timeProvider, IndexWriterOptions? options = null, ILogger<IndexWriter>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _database = database;
        _timeProvider = timeProvider;
        _options = options ?? new IndexWriterOptions();
        _logger = logger ?? NullLogger<IndexWriter>.Instance;
        _queue = Channel.CreateBounded<PendingWrite>(new BoundedChannelOptions(_options.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _loop = Task.Run(RunAsync, CancellationToken.None);
    }

    /// <summary>The database this writer writes.</summary>
    public IndexDatabase Database => _database;

    /// <summary>Queues a record and completes when its transaction has committed.</summary>
    public async Task IndexAsync(IndexRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var pending = new PendingWrite(record, null);
        await _queue.Writer.WriteAsync(pending, cancellationToken).ConfigureAwait(false);
        await pending.Completion.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Removes an instance's row, and the series, study and patient rows it leaves empty, and completes on commit.
    /// A UID that is not indexed is no error. The file is the caller's to delete.
    /// </summary>
    public async Task DeleteAsync(string sopInstanceUid, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sopInstanceUid);
        var pending = new PendingWrite(null, sopInstanceUid);
        await _queue.Writer.WriteAsync(pending, cancellationToken).ConfigureAwait(false);
        await pending.Completion.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Indexes a stored file (outcome Stored or Replaced), received now.</summary>
    public Task IndexAsync(StoreResult result, CancellationToken cancellationToken) =>
        IndexAsync(IndexRecord.FromStoreResult(result, _timeProvider.GetUtcNow()), cancellationToken);

    /// <summary>Stops taking records, commits those queued, and waits for the writer to finish.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    /// <summary>
    /// The loop; should it fail outside a batch (the database cannot be opened), every queued and later caller gets
    /// the exception instead of waiting forever, and <see cref="DisposeAsync"/> rethrows it.
    /// </summary>
    private async Task RunAsync()
    {
        try
        {
            await ConsumeAsync().ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            _queue.Writer.TryComplete(exception);
            while (_queue.Reader.TryRead(out PendingWrite? pending))
            {
                pending.Completion.TrySetException(exception);
            }

            throw;
        }
    }

    private async Task ConsumeAsync()
    {
        using SqliteConnection connection = _database.OpenConnection();
        using var commands = new IndexCommands(connection);
        var batch = new List<PendingWrite>(_options.MaxBatchSize);
        ChannelReader<PendingWrite> reader = _queue.Reader;
        while (await reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < _options.MaxBatchSize && reader.TryRead(out PendingWrite? item))
            {
                batch.Add(item);
            }

            try
            {
                Commit(connection, commands, batch);
                batch.ForEach(p => p.Completion.TrySetResult());
            }
            catch (Exception exception)
            {
                StorageLog.IndexBatchFailed(_logger, batch.Count, exception);
                foreach (PendingWrite pending in batch)
                {
                    try
                    {
                        Commit(connection, commands, [pending]);
                        pending.Completion.TrySetResult();
                    }
                    catch (Exception single)
                    {
                        pending.Completion.TrySetException(single);
                    }
                }
            }
        }
    }

    private static void Commit(SqliteConnection connection, IndexCommands commands, List<PendingWrite> batch)
    {
        using SqliteTransaction transaction = connection.BeginTransaction();
        commands.Transaction = transaction;
        foreach (PendingWrite pending in batch)
        {
            if (pending.Record is not null)
            {
                IndexUpsert.Apply(commands, pending.Record);
            }
            else
            {
                _ = IndexUpsert.Delete(commands, pending.DeleteUid!);
            }
        }

        transaction.Commit();
    }

    /// <summary>A record to upsert, or (Record null) the SOP Instance UID of a row to delete.</summary>
    private sealed class PendingWrite(IndexRecord? record, string? deleteUid)
    {
        public IndexRecord? Record { get; } = record;

        public string? DeleteUid { get; } = deleteUid;

        public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
