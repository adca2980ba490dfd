using Microsoft.Extensions.Logging;

namespace PacsNode.Pipeline;

/// <summary>
/// Source-generated log messages of the pipeline, event ids in its 6xxx range: 60xx lifecycle, 61xx stability and
/// queue, 62xx jobs, 63xx forwarding.
/// </summary>
internal static partial class PipelineLog
{
    private static readonly Func<ILogger, long, string, IDisposable?> JobScopeFactory =
        LoggerMessage.DefineScope<long, string>("Job {JobId} series {SeriesInstanceUid}");

    public static IDisposable? JobScope(ILogger logger, long jobId, string seriesInstanceUid) => JobScopeFactory(logger, jobId, seriesInstanceUid);

    [LoggerMessage(EventId = 6001, Level = LogLevel.Information,
        Message = "Pipeline started: {Workers} worker(s), quiet time {QuietSeconds} s; {Reset} interrupted job(s) back to pending, {Resumed} series from before the restart tracked again")]
    public static partial void Started(ILogger logger, int workers, double quietSeconds, int reset, int resumed);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Information,
        Message = "Pipeline stopped: {Received} instances received, {Ready} series ready, {Enqueued} jobs queued, {Processed} processed, {Failed} failed runs, {Parked} parked, {Forwarded} deliveries forwarded, {ForwardParked} parked")]
    public static partial void Stopped(ILogger logger, long received, long ready, long enqueued, long processed, long failed, long parked, long forwarded, long forwardParked);

    [LoggerMessage(EventId = 6101, Level = LogLevel.Information,
        Message = "Series {SeriesInstanceUid} ready ({Reason}, {Instances} instances, waited {StabilityMs:F1} ms after its last instance): {Jobs} new job(s)")]
    public static partial void SeriesReady(ILogger logger, string seriesInstanceUid, Stability.ReadinessReason reason, int instances, double stabilityMs, int jobs);

    [LoggerMessage(EventId = 6201, Level = LogLevel.Information, Message = "Job {JobId} ({Kind}) attempt {Attempt} started")]
    public static partial void JobStarted(ILogger logger, long jobId, JobKind kind, int attempt);

    [LoggerMessage(EventId = 6202, Level = LogLevel.Information,
        Message = "Job {JobId} done: {Summary}; {Results} result instance(s), {Destinations} delivery(ies); timings {Timings}; so far {Received} instances received, {Processed} jobs processed, {Failed} failed runs, {Parked} parked")]
    public static partial void JobDone(ILogger logger, long jobId, string summary, int results, int destinations, string timings, long received, long processed, long failed, long parked);

    [LoggerMessage(EventId = 6203, Level = LogLevel.Warning,
        Message = "Job {JobId} attempt {Attempt} failed ({State}): {Reason}; so far {Processed} jobs processed, {Failed} failed runs, {Parked} parked")]
    public static partial void JobFailed(ILogger logger, long jobId, int attempt, Jobs.JobState state, string reason, long processed, long failed, long parked);

    [LoggerMessage(EventId = 6204, Level = LogLevel.Error, Message = "Job {JobId}: the processor threw")]
    public static partial void ProcessorThrew(ILogger logger, Exception exception, long jobId);

    [LoggerMessage(EventId = 6205, Level = LogLevel.Information, Message = "Job {JobId} interrupted by shutdown: back to pending")]
    public static partial void JobReleased(ILogger logger, long jobId);

    [LoggerMessage(EventId = 6301, Level = LogLevel.Information,
        Message = "Delivery {DeliveryId} of job {JobId} to {Destination}: {Count} instance(s) sent in {ElapsedMs:F1} ms")]
    public static partial void Forwarded(ILogger logger, long deliveryId, long jobId, string destination, int count, double elapsedMs);

    [LoggerMessage(EventId = 6302, Level = LogLevel.Warning,
        Message = "Delivery {DeliveryId} of job {JobId} to {Destination} attempt {Attempt} failed ({State}): {Reason}")]
    public static partial void ForwardFailed(ILogger logger, long deliveryId, long jobId, string destination, int attempt, Jobs.JobState state, string reason);
}
