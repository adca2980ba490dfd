namespace PacsNode.Storage.Files;

/// <summary>Group flushing of the journal's segments.</summary>
internal sealed partial class StoreJournal
{
    /// <summary>
    /// Completes when a flush that started after record <paramref name="sequence"/> was written has succeeded. A
    /// running flush covers the caller only if it started after the record was written (its target is at least the
    /// sequence); otherwise the caller joins the next flush, which starts when the running one ends and serves
    /// everyone who joined meanwhile. So N concurrent stores cost at most two flushes in flight, and a lone store gets
    /// its own flush at once.
    /// </summary>
    private async ValueTask FlushAsync(long sequence)
    {
        TaskCompletionSource? lead = null;
        Task? previous = null;
        Task wait;
        lock (_gate)
        {
            if (_durableSequence >= sequence)
            {
                return; // flushed before any failure: it stays durable
            }

            ThrowIfFailed();

            if (_running is null)
            {
                lead = _running = NewFlush();
                wait = lead.Task;
            }
            else if (_runningTarget >= sequence)
            {
                wait = _running.Task;
            }
            else if (_next is not null)
            {
                wait = _next.Task;
            }
            else
            {
                lead = _next = NewFlush();
                previous = _running.Task;
                wait = lead.Task;
            }
        }

        if (lead is not null)
        {
            if (previous is not null)
            {
                await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }

            Lead(lead);
        }

        await wait.ConfigureAwait(false);
    }

    /// <summary>
    /// Flushes every segment written since the last flush began, on this thread; then makes the queued flush (if
    /// anyone joined one) the running one BEFORE completing this one, whose completion resumes the queued leader.
    /// </summary>
    private void Lead(TaskCompletionSource flush)
    {
        JournalSegment[] segments;
        long target;
        Exception? failure = null;
        lock (_gate)
        {
            target = _nextSequence - 1;
            _runningTarget = target;
            segments = [.. _dirty];
            _dirty.Clear();

            // A flush queued behind one that failed must not run: it could succeed without the pages the failed one
            // lost, acknowledging records that follow a torn one, which replay never reaches.
            if (_failure is not null)
            {
                failure = _failure as IOException ?? new IOException("The store journal is stopped.", _failure);
            }
        }

        if (failure is null)
        {
            try
            {
                foreach (JournalSegment segment in segments)
                {
                    FlushSegment(segment.Handle);
                }
            }
            catch (Exception exception) when (exception is IOException or ObjectDisposedException or UnauthorizedAccessException)
            {
                failure = new IOException($"Flushing the store journal in '{_folder}' failed; the journal is stopped.", exception);
            }
        }

        lock (_gate)
        {
            if (failure is null)
            {
                _durableSequence = Math.Max(_durableSequence, target);
            }
            else
            {
                _failure ??= failure;
            }

            _running = _next;
            _next = null;
            _runningTarget = -1;
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

    /// <summary>
    /// Makes a segment's written bytes durable: fsync(2) through <see cref="RandomAccess.FlushToDisk"/>. Settable for
    /// tests only, which inject a failing device flush with it (no file system here can be made to fail an fsync).
    /// </summary>
    internal Action<Microsoft.Win32.SafeHandles.SafeFileHandle> FlushSegment { get; set; } = RandomAccess.FlushToDisk;

    private static TaskCompletionSource NewFlush() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
