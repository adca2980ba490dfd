namespace PacsNode.Storage.Files;

/// <summary>
/// Shares directory flushes between concurrent stores into the same folder. A caller asks for a flush after it
/// changed the folder (renamed a file into it); the flush it gets must START after that change, so a flush already
/// running is never shared (it may have read the directory before the change). Instead the caller joins the next
/// flush of that folder, which starts when the running one ends and serves everyone who joined it meanwhile. So with
/// N associations storing into one series, at most two flushes of its folder are in flight at a time and each covers
/// every rename made before it started, instead of N flushes one after another; a lone store still gets its own
/// flush at once. A failed flush fails every caller that shared it (each must then answer a failure), and the next
/// flush is tried afresh.
/// </summary>
internal sealed class FolderSyncCoalescer
{
    private readonly Action<string> _flush;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, FolderState> _folders = new(StringComparer.Ordinal);

    /// <summary>Flushes with <see cref="DirectorySync.Flush"/>.</summary>
    public FolderSyncCoalescer()
        : this(DirectorySync.Flush)
    {
    }

    /// <summary>Flushes with <paramref name="flush"/> (a test's stand-in), called on the thread that leads a flush.</summary>
    public FolderSyncCoalescer(Action<string> flush)
    {
        ArgumentNullException.ThrowIfNull(flush);
        _flush = flush;
    }

    /// <summary>
    /// Completes when a flush of <paramref name="folder"/> that started after this call has succeeded; throws its
    /// exception when it failed. The caller must have finished its change to the folder before calling.
    /// </summary>
    public async Task FlushAsync(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        TaskCompletionSource mine;
        Task? running = null;
        FolderState? state;
        lock (_gate)
        {
            if (!_folders.TryGetValue(folder, out state))
            {
                state = new FolderState();
                _folders.Add(folder, state);
            }

            if (state.Running is null)
            {
                mine = state.Running = NewFlush();
            }
            else if (state.Next is { } next)
            {
                mine = next;
                state = null;
            }
            else
            {
                mine = state.Next = NewFlush();
                running = state.Running.Task;
            }
        }

        if (state is not null)
        {
            if (running is not null)
            {
                // Whether the running flush failed or not, ours must still be done: it covers changes it did not.
                await running.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }

            Lead(folder, state, mine);
        }

        await mine.Task.ConfigureAwait(false);
    }

    /// <summary>
    /// Runs a flush on this thread, then makes the next flush (if anyone joined one) the running one BEFORE completing
    /// this one's waiters: the next flush's leader resumes on that completion and must find itself running.
    /// </summary>
    private void Lead(string folder, FolderState state, TaskCompletionSource flush)
    {
        Exception? failure = null;
        try
        {
            _flush(folder);
        }
        catch (Exception exception)
        {
            failure = exception;
        }

        lock (_gate)
        {
            state.Running = state.Next;
            state.Next = null;
            if (state.Running is null)
            {
                _folders.Remove(folder);
            }
        }

        if (failure is null)
        {
            flush.SetResult();
        }
        else
        {
            flush.SetException(failure);
        }
    }

    private static TaskCompletionSource NewFlush() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The flush of one folder in progress, if any, and the one queued behind it, if anyone joined it.</summary>
    private sealed class FolderState
    {
        public TaskCompletionSource? Running { get; set; }

        public TaskCompletionSource? Next { get; set; }
    }
}
