using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PacsNode.Storage.Files;

namespace PacsNode.Storage.Index;

/// <summary>
/// The only writer of the index, with group commit: a caller that finds no commit running commits on its own
/// thread whatever is queued at that moment (its own record first, up to <see cref="IndexWriterOptions.MaxBatchSize"/>)
/// in one transaction on the writer's long-lived connection; callers that arrive while a commit runs queue their
/// records and wait, and when the committer is done a pool thread commits everything they queued in one transaction,
/// and so on until the queue is empty. So one association's store answers without a thread hop (the old loop on a pool
/// thread woke a thread to commit and another to resume the caller, for every instance), and concurrent stores still
/// share commits. Each caller awaits its own record's commit, so "stored and indexed" can be acknowledged. When a
/// batch fails, its records are retried one by one so that one bad record fails only its own caller. SQLite calls
/// are synchronous: a commit blocks the committing thread for its flush, as the store's file flush already does.
/// </summary>
public sealed class IndexWriter : IAsyncDisposable
{
    private readonly IndexDatabase _database;
    private readonly IndexWriterOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly Queue<PendingWrite> _queue = new();
    private readonly Lock _lookupGate = new();
    private SqliteConnection? _connection;
    private IndexCommands? _commands;
    private SqliteConnection? _lookupConnection;
    private SqliteCommand? _lookup;
    private bool _committing;
    private bool _disposed;
    private Exception? _fault;
    private TaskCompletionSource? _idle;

    public IndexWriter(
        IndexDatabase database, TimeProvider timeProvider, IndexWriterOptions? options = null, ILogger<IndexWriter>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _database = database;
        _timeProvider = timeProvider;
        _options = options ?? new IndexWriterOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxBatchSize, 1, nameof(options));
        _logger = logger ?? NullLogger<IndexWriter>.Instance;
    }

    /// <summary>The database this writer writes.</summary>
    public IndexDatabase Database => _database;

    /// <summary>Queues a record and completes when its transaction has committed.</summary>
    public Task IndexAsync(IndexRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return SubmitAsync(new PendingWrite(record, null), cancellationToken);
    }

    /// <summary>
    /// Removes an instance's row, and the series, study and patient rows it leaves empty, and completes on commit.
    /// A UID that is not indexed is no error. The file is the caller's to delete.
    /// </summary>
    public Task DeleteAsync(string sopInstanceUid, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sopInstanceUid);
        return SubmitAsync(new PendingWrite(null, sopInstanceUid), cancellationToken);
    }

    /// <summary>
    /// Completes when every commit before it is durable: commits, with synchronous=FULL, the store_checkpoint row in
    /// the next transaction; SQLite flushes the WAL on that commit, and with it every frame before. Called by a store
    /// journal checkpoint when <see cref="IndexWriterOptions.DeferDurability"/> is on.
    /// </summary>
    public Task FlushToDiskAsync(CancellationToken cancellationToken) =>
        SubmitAsync(new PendingWrite(null, null), cancellationToken);

    /// <summary>Indexes a stored file (outcome Stored or Replaced), received now.</summary>
    public Task IndexAsync(StoreResult result, CancellationToken cancellationToken) =>
        IndexAsync(IndexRecord.FromStoreResult(result, _timeProvider.GetUtcNow()), cancellationToken);

    /// <summary>
    /// The file path indexed for a SOP Instance UID, or null when it is not indexed: one prepared statement on a
    /// read connection kept for the writer's life (WAL: it sees every committed transaction and never waits for the
    /// writer). Synchronous, on the caller's thread: a primary-key lookup takes microseconds, far less than a hop to
    /// another thread.
    /// </summary>
    internal string? FindFilePath(string sopInstanceUid)
    {
        lock (_lookupGate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_lookup is null)
            {
                _lookupConnection = _database.OpenConnection();
                _lookup = _lookupConnection.CreateCommand();
                _lookup.CommandText = "SELECT file_path FROM instance WHERE sop_instance_uid = $uid";
                _lookup.Parameters.Add("$uid", SqliteType.Text);
                _lookup.Prepare();
            }

            _lookup.Parameters[0].Value = sopInstanceUid;
            return _lookup.ExecuteScalar() as string;
        }
    }

    /// <summary>
    /// Stops taking records, waits for the commits under way (they commit everything queued), and closes the
    /// connections. Rethrows the failure that stopped the writer, if any (the database could not be opened).
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        Task? idle = null;
        lock (_gate)
        {
            _disposed = true;
            if (_committing)
            {
                _idle ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                idle = _idle.Task;
            }
        }

        if (idle is not null)
        {
            await idle.ConfigureAwait(false);
        }

        _commands?.Dispose();
        _connection?.Dispose();
        lock (_lookupGate)
        {
            _lookup?.Dispose();
            _lookupConnection?.Dispose();
            _lookup = null;
        }

        if (_fault is not null)
        {
            throw _fault;
        }
    }

    private Task SubmitAsync(PendingWrite pending, CancellationToken cancellationToken)
    {
        bool lead;
        lock (_gate)
        {
            if (_fault is not null)
            {
                return Task.FromException(_fault);
            }

            if (_disposed)
            {
                return Task.FromException(new ObjectDisposedException(nameof(IndexWriter)));
            }

            _queue.Enqueue(pending);
            lead = !_committing;
            _committing = true;
        }

        if (lead)
        {
            // No commit was running, so the queue held only this record when it was added: the first batch holds it.
            CommitNextBatch();
            HandOff();
        }

        return pending.Completion.Task.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// After a commit: ends the committing state when the queue is empty, else leaves the records queued meanwhile to
    /// a pool thread, so that a caller whose record is committed answers now instead of committing for others.
    /// </summary>
    private void HandOff()
    {
        lock (_gate)
        {
            if (_queue.Count == 0)
            {
                _committing = false;
                _idle?.TrySetResult();
                return;
            }
        }

        ThreadPool.UnsafeQueueUserWorkItem(static writer => writer.Drain(), this, preferLocal: false);
    }

    private void Drain()
    {
        while (true)
        {
            lock (_gate)
            {
                if (_queue.Count == 0)
                {
                    _committing = false;
                    _idle?.TrySetResult();
                    return;
                }
            }

            CommitNextBatch();
        }
    }

    /// <summary>Commits the next batch from the queue and completes its callers; never throws.</summary>
    private void CommitNextBatch()
    {
        var batch = new List<PendingWrite>();
        lock (_gate)
        {
            while (batch.Count < _options.MaxBatchSize && _queue.TryDequeue(out PendingWrite? item))
            {
                batch.Add(item);
            }
        }

        try
        {
            if (_connection is null)
            {
                _connection = _database.OpenConnection();
                if (_options.DeferDurability)
                {
                    SetSynchronous("NORMAL");
                }
            }

            _commands ??= new IndexCommands(_connection);
        }
        catch (Exception exception)
        {
            Fail(batch, exception);
            return;
        }

        try
        {
            Commit(batch);
            batch.ForEach(p => p.Completion.TrySetResult());
        }
        catch (Exception exception)
        {
            StorageLog.IndexBatchFailed(_logger, batch.Count, exception);
            foreach (PendingWrite pending in batch)
            {
                try
                {
                    Commit([pending]);
                    pending.Completion.TrySetResult();
                }
                catch (Exception single)
                {
                    pending.Completion.TrySetException(single);
                }
            }
        }
    }

    /// <summary>
    /// The connection cannot be opened (the database is gone): the writer stops, this batch, everything queued and
    /// every later caller get the exception instead of waiting forever, and <see cref="DisposeAsync"/> rethrows it.
    /// </summary>
    private void Fail(List<PendingWrite> batch, Exception exception)
    {
        lock (_gate)
        {
            _fault = exception;
            while (_queue.TryDequeue(out PendingWrite? queued))
            {
                batch.Add(queued);
            }
        }

        batch.ForEach(p => p.Completion.TrySetException(exception));
    }

    private void Commit(List<PendingWrite> batch)
    {
        bool barrier = batch.Exists(p => p.IsBarrier);
        if (barrier && _options.DeferDurability)
        {
            SetSynchronous("FULL");
        }

        try
        {
            using SqliteTransaction transaction = _connection!.BeginTransaction();
            _commands!.Transaction = transaction;
            foreach (PendingWrite pending in batch)
            {
                if (pending.Record is not null)
                {
                    IndexUpsert.Apply(_commands, pending.Record);
                }
                else if (pending.DeleteUid is not null)
                {
                    _ = IndexUpsert.Delete(_commands, pending.DeleteUid);
                }
            }

            if (barrier)
            {
                using SqliteCommand row = _connection.CreateCommand();
                row.Transaction = transaction;
                row.CommandText = "INSERT INTO store_checkpoint (id, flushed_at) VALUES (1, $at) " +
                    "ON CONFLICT (id) DO UPDATE SET flushed_at = excluded.flushed_at";
                _ = row.Parameters.AddWithValue("$at", _timeProvider.GetUtcNow().UtcDateTime.ToString(
                    "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture));
                _ = row.ExecuteNonQuery();
            }

            transaction.Commit();
        }
        catch
        {
            _commands!.LastParents = null; // rolled back: the keys it holds may name rows that no longer exist
            throw;
        }
        finally
        {
            if (barrier && _options.DeferDurability)
            {
                SetSynchronous("NORMAL");
            }
        }
    }

    private void SetSynchronous(string level)
    {
        using SqliteCommand pragma = _connection!.CreateCommand();
        pragma.CommandText = $"PRAGMA synchronous = {level};";
        _ = pragma.ExecuteNonQuery();
    }

    /// <summary>
    /// A record to upsert, or (Record null) the SOP Instance UID of a row to delete, or (both null) a flush barrier.
    /// </summary>
    private sealed class PendingWrite(IndexRecord? record, string? deleteUid)
    {
        public IndexRecord? Record { get; } = record;

        public string? DeleteUid { get; } = deleteUid;

        public bool IsBarrier => Record is null && DeleteUid is null;

        public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
