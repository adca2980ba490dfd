using System.Globalization;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using PacsNode.Pipeline.Announcements;
using PacsNode.Pipeline.Forwarding;
using PacsNode.Pipeline.Jobs;
using PacsNode.Pipeline.Stability;

namespace PacsNode.Pipeline;

/// <summary>
/// The running pipeline: announcements → <see cref="SeriesStabilityTracker"/> → <see cref="JobQueue"/> (SQLite) →
/// workers calling the <see cref="ISeriesProcessor"/> → forward deliveries by C-STORE. <see cref="RunAsync"/> first
/// puts jobs left running by a dead process back to pending and tracks again the series received since their last job
/// (<see cref="PipelineSettings.StartupScanWindow"/>), then runs one announcement reader, one stability tick, N workers
/// and one forwarder until the token is cancelled. A job interrupted by the cancellation goes back to pending.
/// </summary>
public sealed class IngestPipeline
{
    private readonly PipelineSettings _settings;
    private readonly ChannelReader<InstanceAnnouncement> _announcements;
    private readonly JobQueue _queue;
    private readonly ISeriesProcessor _processor;
    private readonly ResultForwarder _forwarder;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly SeriesStabilityTracker _tracker;
    private readonly Lock _trackerLock = new();
    private readonly Channel<bool> _jobSignal;
    private readonly Channel<bool> _deliverySignal = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public IngestPipeline(
        PipelineSettings settings, ChannelReader<InstanceAnnouncement> announcements, JobQueue queue, ISeriesProcessor processor,
        TimeProvider timeProvider, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(announcements);
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(processor);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.Workers, 1);
        _settings = settings;
        _announcements = announcements;
        _queue = queue;
        _processor = processor;
        _timeProvider = timeProvider;
        _logger = logger;
        _tracker = new SeriesStabilityTracker(settings.Stability, timeProvider);
        _forwarder = new ResultForwarder(settings.Forward, timeProvider, logger);
        _jobSignal = Channel.CreateBounded<bool>(new BoundedChannelOptions(settings.Workers) { FullMode = BoundedChannelFullMode.DropWrite });
    }

    public PipelineCounters Counters { get; } = new();

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        int reset = _queue.ResetInterrupted();
        int resumed = 0;
        if (_settings.StartupScanWindow > TimeSpan.Zero)
        {
            foreach ((string study, string series, DateTimeOffset last) in
                     _queue.FindUnprocessedSeries(_timeProvider.GetUtcNow() - _settings.StartupScanWindow))
            {
                lock (_trackerLock)
                {
                    _tracker.Resume(study, series, last);
                }

                resumed++;
            }
        }

        PipelineLog.Started(_logger, _settings.Workers, _settings.Stability.DefaultQuietTime.TotalSeconds, reset, resumed);

        // A loop that fails (a bug, or the index unreadable) stops the others, and RunAsync throws its exception, which
        // faults the hosted service and stops the host rather than leaving a silent stall (STYLE.md 3.6).
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        async Task GuardAsync(Func<CancellationToken, Task> loop)
        {
            try
            {
                await loop(stop.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stop.IsCancellationRequested)
            {
                await stop.CancelAsync().ConfigureAwait(false);
                throw;
            }
        }

        var tasks = new List<Task>
        {
            Task.Run(() => GuardAsync(ReadAnnouncementsAsync), CancellationToken.None),
            Task.Run(() => GuardAsync(TickAsync), CancellationToken.None),
            Task.Run(() => GuardAsync(ForwardAsync), CancellationToken.None),
        };
        tasks.AddRange(Enumerable.Range(0, _settings.Workers).Select(_ => Task.Run(() => GuardAsync(WorkAsync), CancellationToken.None)));
        try
        {
            await Task.WhenAll(tasks).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Normal shutdown: every loop ends with the token.
        }
        finally
        {
            PipelineLog.Stopped(_logger, Counters.Received, Counters.Ready, Counters.Enqueued, Counters.Processed,
                Counters.Failed, Counters.Parked, Counters.Forwarded, Counters.ForwardParked);
        }
    }

    private async Task ReadAnnouncementsAsync(CancellationToken cancellationToken)
    {
        await foreach (InstanceAnnouncement announcement in _announcements.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            Counters.AddReceived();
            IReadOnlyList<ReadySeries> ready;
            lock (_trackerLock)
            {
                ready = _tracker.Observe(announcement) ? _tracker.TakeReady() : [];
            }

            Enqueue(ready);
        }
    }

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            await Task.Delay(_settings.TickInterval, _timeProvider, cancellationToken).ConfigureAwait(false);
            IReadOnlyList<ReadySeries> ready;
            lock (_trackerLock)
            {
                ready = _tracker.TakeReady();
            }

            Enqueue(ready);
        }
    }

    private void Enqueue(IReadOnlyList<ReadySeries> ready)
    {
        foreach (ReadySeries series in ready)
        {
            Counters.AddReady();
            IReadOnlyList<long> jobs = _queue.EnqueueReady(series);
            Counters.AddEnqueued(jobs.Count);
            TimeSpan waited = series.ReadyAt - series.LastReceivedAt;
            PipelineLog.SeriesReady(_logger, series.SeriesInstanceUid, series.Reason, series.InstancesSeen, waited.TotalMilliseconds, jobs.Count);
            foreach (long _ in jobs)
            {
                _jobSignal.Writer.TryWrite(true);
            }
        }
    }

    private async Task WorkAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            PipelineJob? job = _queue.TryClaim();
            if (job is null)
            {
                await WaitForSignalAsync(_jobSignal.Reader, cancellationToken).ConfigureAwait(false);
                continue;
            }

            await RunJobAsync(job, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task RunJobAsync(PipelineJob job, CancellationToken cancellationToken)
    {
        using IDisposable? scope = PipelineLog.JobScope(_logger, job.Id, job.SeriesInstanceUid);
        PipelineLog.JobStarted(_logger, job.Id, job.Kind, job.Attempt);
        var timings = new StageTimer(_timeProvider);
        ProcessingOutcome outcome;
        try
        {
            outcome = await _processor.ProcessAsync(job, timings, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _queue.Release(job);
            PipelineLog.JobReleased(_logger, job.Id);
            throw;
        }
#pragma warning disable CA1031 // The per-item stage boundary (STYLE.md 3.4): the job records the failure, the stage runs on.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            PipelineLog.ProcessorThrew(_logger, ex, job.Id);
            outcome = ProcessingOutcome.TransientFailure($"{ex.GetType().Name}: {ex.Message}");
        }

        if (outcome.Succeeded)
        {
            IReadOnlyList<string> destinations = outcome.ResultInstanceUids.Count == 0 ? [] : _settings.Forward.DestinationsFor(job.CallingAeTitle);
            _queue.Complete(job, outcome, timings, destinations);
            Counters.AddProcessed();
            if (_logger.IsEnabled(LogLevel.Information))
            {
                string stages = string.Join(", ", timings.Stages.Select(
                    s => string.Create(CultureInfo.InvariantCulture, $"{s.Key} {s.Value.TotalMilliseconds:F1} ms")));
                PipelineLog.JobDone(_logger, job.Id, outcome.Summary, outcome.ResultInstanceUids.Count, destinations.Count, stages,
                    Counters.Received, Counters.Processed, Counters.Failed, Counters.Parked);
            }

            if (destinations.Count > 0)
            {
                _deliverySignal.Writer.TryWrite(true);
            }

            return;
        }

        JobState state = _queue.Fail(job, outcome.Summary, outcome.Transient, timings);
        Counters.AddFailed();
        if (state == JobState.Parked)
        {
            Counters.AddParked();
        }

        PipelineLog.JobFailed(_logger, job.Id, job.Attempt, state, outcome.Summary, Counters.Processed, Counters.Failed, Counters.Parked);
    }

    private async Task ForwardAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ForwardDelivery? delivery = _queue.TryClaimDelivery();
            if (delivery is null)
            {
                await WaitForSignalAsync(_deliverySignal.Reader, cancellationToken).ConfigureAwait(false);
                continue;
            }

            await DeliverAsync(delivery, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task DeliverAsync(ForwardDelivery delivery, CancellationToken cancellationToken)
    {
        string? failure;
        bool permanent = false;
        long started = _timeProvider.GetTimestamp();
        (IReadOnlyList<Dicom.Network.Dimse.InstanceFile> files, IReadOnlyList<string> missing) = _queue.ResolveInstances(delivery.SopInstanceUids);
        if (!_settings.Forward.Remotes.TryGetValue(delivery.DestinationAeTitle, out ForwardDestination? destination))
        {
            (failure, permanent) = ($"{delivery.DestinationAeTitle} is not a configured remote (PacsNode:Remotes)", true);
        }
        else if (missing.Count > 0)
        {
            (failure, permanent) = ($"result instance(s) no longer in the index: {string.Join(", ", missing)}", true);
        }
        else
        {
            try
            {
                failure = await _forwarder.SendAsync(destination, files, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                _queue.ReleaseDelivery(delivery);
                throw;
            }
        }

        TimeSpan elapsed = _timeProvider.GetElapsedTime(started);
        if (failure is null)
        {
            _queue.DeliveryDone(delivery, elapsed);
            Counters.AddForwarded();
            PipelineLog.Forwarded(_logger, delivery.Id, delivery.JobId, delivery.DestinationAeTitle, files.Count, elapsed.TotalMilliseconds);
            return;
        }

        JobState state = _queue.DeliveryFailed(delivery, failure, permanent);
        Counters.AddForwardFailed();
        if (state == JobState.Parked)
        {
            Counters.AddForwardParked();
        }

        PipelineLog.ForwardFailed(_logger, delivery.Id, delivery.JobId, delivery.DestinationAeTitle, delivery.Attempt, state, failure);
    }

    /// <summary>Waits for a signal or the poll interval (retries fall due without a signal).</summary>
    private async Task WaitForSignalAsync(ChannelReader<bool> signal, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_settings.PollInterval, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await signal.WaitToReadAsync(linked.Token).ConfigureAwait(false);
            signal.TryRead(out _);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The poll interval passed.
        }
    }
}
