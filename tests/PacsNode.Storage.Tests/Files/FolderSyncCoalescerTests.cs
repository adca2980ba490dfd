using PacsNode.Storage.Files;
using Xunit;

namespace PacsNode.Storage.Tests.Files;

public sealed class FolderSyncCoalescerTests
{
    private const string Series = "/data/study/series";

    [Fact]
    public async Task FlushAsync_LoneCallers_EachGetOwnFlush()
    {
        using var flush = new GatedFlush(releasedUpFront: 3);
        var coalescer = new FolderSyncCoalescer(flush.Flush);

        await coalescer.FlushAsync(Series);
        await coalescer.FlushAsync(Series);
        await coalescer.FlushAsync(Series);

        Assert.Equal(3, flush.Calls);
    }

    [Fact]
    public async Task FlushAsync_CallersArrivingDuringFlush_ShareOneNextFlush()
    {
        var ct = TestContext.Current.CancellationToken;
        using var flush = new GatedFlush();
        var coalescer = new FolderSyncCoalescer(flush.Flush);
        var first = Task.Run(() => coalescer.FlushAsync(Series), ct);
        await flush.WaitStartedAsync(ct);

        Task[] late = [.. Enumerable.Range(0, 5).Select(_ => coalescer.FlushAsync(Series))];
        flush.Release();
        await first;
        await flush.WaitStartedAsync(ct);
        flush.Release();
        await Task.WhenAll(late);

        // Six callers, two flushes: the one running when five arrived, and one after it for all five.
        Assert.Equal(2, flush.Calls);
    }

    [Fact]
    public async Task FlushAsync_CallerArrivingAfterFlushStarted_WaitsForNextFlush()
    {
        var ct = TestContext.Current.CancellationToken;
        using var flush = new GatedFlush();
        var coalescer = new FolderSyncCoalescer(flush.Flush);
        var first = Task.Run(() => coalescer.FlushAsync(Series), ct);
        await flush.WaitStartedAsync(ct);

        // Its change came after the running flush started, which may not cover it.
        Task late = coalescer.FlushAsync(Series);
        flush.Release();
        await first;
        await flush.WaitStartedAsync(ct);

        Assert.False(late.IsCompleted);
        Assert.Equal(2, flush.Calls);
        flush.Release();
        await late;
    }

    [Fact]
    public async Task FlushAsync_SharedFlushFails_EveryWaiterGetsTheErrorAndNextCallFlushesAfresh()
    {
        var ct = TestContext.Current.CancellationToken;
        var failure = new IOException("fsync failed (errno 5)");
        using var flush = new GatedFlush { FailCall = 2, Failure = failure };
        var coalescer = new FolderSyncCoalescer(flush.Flush);
        var first = Task.Run(() => coalescer.FlushAsync(Series), ct);
        await flush.WaitStartedAsync(ct);
        Task[] late = [.. Enumerable.Range(0, 3).Select(_ => coalescer.FlushAsync(Series))];
        flush.Release();
        await first;
        await flush.WaitStartedAsync(ct);
        flush.Release();

        foreach (Task waiter in late)
        {
            Assert.Same(failure, await Assert.ThrowsAsync<IOException>(() => waiter));
        }

        flush.Release();
        await coalescer.FlushAsync(Series);
        Assert.Equal(3, flush.Calls);
    }

    [Fact]
    public async Task FlushAsync_RunningFlushFails_NextFlushStillRunsForLaterCallers()
    {
        var ct = TestContext.Current.CancellationToken;
        using var flush = new GatedFlush { FailCall = 1, Failure = new IOException("fsync failed (errno 5)") };
        var coalescer = new FolderSyncCoalescer(flush.Flush);
        var first = Task.Run(() => coalescer.FlushAsync(Series), ct);
        await flush.WaitStartedAsync(ct);
        Task late = coalescer.FlushAsync(Series);

        flush.Release();
        await Assert.ThrowsAsync<IOException>(() => first);
        await flush.WaitStartedAsync(ct);
        flush.Release();
        await late;

        Assert.Equal(2, flush.Calls);
    }

    [Fact]
    public async Task FlushAsync_OtherFolder_DoesNotWaitForRunningFlush()
    {
        var ct = TestContext.Current.CancellationToken;
        using var flush = new GatedFlush();
        var coalescer = new FolderSyncCoalescer(flush.Flush);
        var first = Task.Run(() => coalescer.FlushAsync(Series), ct);
        await flush.WaitStartedAsync(ct);

        var other = Task.Run(() => coalescer.FlushAsync("/data/study/other"), ct);
        await flush.WaitStartedAsync(ct);
        flush.Release();
        flush.Release();
        await Task.WhenAll(first, other);

        Assert.Equal(["/data/study/other", Series], flush.Folders.Order(StringComparer.Ordinal));
    }

    /// <summary>A flush that blocks until the test releases it, counting calls; call <see cref="FailCall"/> throws.</summary>
    private sealed class GatedFlush(int releasedUpFront = 0) : IDisposable
    {
        private readonly SemaphoreSlim _started = new(0);
        private readonly SemaphoreSlim _release = new(releasedUpFront);
        private readonly Lock _gate = new();
        private readonly List<string> _folders = [];

        public int FailCall { get; init; }

        public Exception? Failure { get; init; }

        public int Calls
        {
            get
            {
                lock (_gate)
                {
                    return _folders.Count;
                }
            }
        }

        public string[] Folders
        {
            get
            {
                lock (_gate)
                {
                    return [.. _folders];
                }
            }
        }

        public void Flush(string folder)
        {
            int call;
            lock (_gate)
            {
                _folders.Add(folder);
                call = _folders.Count;
            }

            _started.Release();
            if (!_release.Wait(TimeSpan.FromSeconds(30)))
            {
                throw new TimeoutException("the test never released the flush");
            }

            if (call == FailCall)
            {
                throw Failure!;
            }
        }

        public async Task WaitStartedAsync(CancellationToken cancellationToken)
        {
            if (!await _started.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken))
            {
                throw new TimeoutException("no flush started");
            }
        }

        public void Release() => _release.Release();

        public void Dispose()
        {
            _started.Dispose();
            _release.Dispose();
        }
    }
}
