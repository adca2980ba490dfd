namespace PacsNode.Pipeline;

/// <summary>What the pipeline has done since it started; thread-safe.</summary>
public sealed class PipelineCounters
{
    private long _received;
    private long _ready;
    private long _enqueued;
    private long _processed;
    private long _failed;
    private long _parked;
    private long _forwarded;
    private long _forwardFailed;
    private long _forwardParked;

    /// <summary>Instances announced.</summary>
    public long Received => Interlocked.Read(ref _received);

    /// <summary>Series declared ready.</summary>
    public long Ready => Interlocked.Read(ref _ready);

    /// <summary>Jobs created (a ready series whose input was already processed creates none).</summary>
    public long Enqueued => Interlocked.Read(ref _enqueued);

    /// <summary>Jobs done.</summary>
    public long Processed => Interlocked.Read(ref _processed);

    /// <summary>Job runs that failed (each retry counts).</summary>
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Jobs parked.</summary>
    public long Parked => Interlocked.Read(ref _parked);

    public long Forwarded => Interlocked.Read(ref _forwarded);

    public long ForwardFailed => Interlocked.Read(ref _forwardFailed);

    public long ForwardParked => Interlocked.Read(ref _forwardParked);

    internal void AddReceived() => Interlocked.Increment(ref _received);

    internal void AddReady() => Interlocked.Increment(ref _ready);

    internal void AddEnqueued(int count) => Interlocked.Add(ref _enqueued, count);

    internal void AddProcessed() => Interlocked.Increment(ref _processed);

    internal void AddFailed() => Interlocked.Increment(ref _failed);

    internal void AddParked() => Interlocked.Increment(ref _parked);

    internal void AddForwarded() => Interlocked.Increment(ref _forwarded);

    internal void AddForwardFailed() => Interlocked.Increment(ref _forwardFailed);

    internal void AddForwardParked() => Interlocked.Increment(ref _forwardParked);
}
