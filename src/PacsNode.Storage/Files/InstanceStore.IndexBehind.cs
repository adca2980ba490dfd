namespace PacsNode.Storage.Files;

/// <summary>
/// Index commits left behind the acknowledgement. A journaled store is durable once its record is flushed and its file
/// renamed into place: after a crash the journal replays it, index row included. So a C-STORE SCP answers Success then
/// and commits the index row right after, off the response's path (about a tenth of one association's time per
/// instance here). The UID's lock is held until the row is committed, so another store of the UID still sees it;
/// readers of the index await <see cref="WhenIndexedAsync"/> first, so a query after a Success finds the instance.
/// </summary>
public sealed partial class InstanceStore
{
    /// <summary>At most this many commits run behind acknowledgements; a store beyond it waits for them (bounded memory).</summary>
    internal const int MaxIndexedBehind = 64;

    private readonly Lock _behindGate = new();
    private readonly HashSet<Task> _behind = [];

    /// <summary>
    /// Completes when every index commit left behind an acknowledgement so far has ended (failures included: they are
    /// logged, and the journal keeps those records for the next start). Already complete when none is running.
    /// </summary>
    public Task WhenIndexedAsync()
    {
        Task[] running;
        lock (_behindGate)
        {
            if (_behind.Count == 0)
            {
                return Task.CompletedTask;
            }

            running = [.. _behind];
        }

        return WhenAllSettledAsync(running);
    }

    private static async Task WhenAllSettledAsync(Task[] tasks) =>
        await Task.WhenAll(tasks).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);

    /// <summary>Waits while <see cref="MaxIndexedBehind"/> commits are running behind acknowledgements.</summary>
    private Task MakeRoomBehindAsync()
    {
        lock (_behindGate)
        {
            if (_behind.Count < MaxIndexedBehind)
            {
                return Task.CompletedTask;
            }
        }

        return WhenIndexedAsync();
    }

    /// <summary>
    /// Commits <paramref name="result"/>'s index row on a pool thread, then marks <paramref name="record"/> applied and
    /// releases <paramref name="stripe"/> (the UID's lock, which this takes over). When the commit fails the record is
    /// left unapplied, so no checkpoint passes it and the next start's replay indexes it.
    /// </summary>
    private Task IndexBehind(IStoreCoordinator coordinator, StoreResult result, JournalRecord record, SemaphoreSlim stripe)
    {
        var task = Task.Run(
            async () =>
            {
                try
                {
                    await coordinator.CommittedAsync(result, CancellationToken.None).ConfigureAwait(false);
                    _journal!.MarkApplied(record);
                }
                catch (Exception exception)
                {
                    StorageLog.IndexBehindFailed(_logger, result.SopInstanceUid, record.Position.Sequence, exception);
                    throw;
                }
                finally
                {
                    stripe.Release();
                }
            },
            CancellationToken.None);
        lock (_behindGate)
        {
            _ = _behind.Add(task);
        }

        _ = task.ContinueWith(
            static (done, state) =>
            {
                var store = (InstanceStore)state!;
                lock (store._behindGate)
                {
                    _ = store._behind.Remove(done);
                }
            },
            this, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return task;
    }
}
