namespace PacsNode.Pipeline.Jobs;

/// <summary>How often a failing job or delivery is tried, and how long it waits between tries.</summary>
public sealed record RetrySettings
{
    /// <summary>Runs (the first one included) before it is parked.</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>
    /// The wait after the n-th failed run is <c>Backoff[n - 1]</c>, the last entry repeating: by default 5 s, 30 s,
    /// 2 min, i.e. exponential-ish and capped.
    /// </summary>
    public IReadOnlyList<TimeSpan> Backoff { get; init; } = [TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2)];

    /// <summary>The wait after failed run number <paramref name="attempt"/> (1-based).</summary>
    public TimeSpan BackoffAfter(int attempt) =>
        Backoff.Count == 0 ? TimeSpan.Zero : Backoff[Math.Clamp(attempt - 1, 0, Backoff.Count - 1)];
}
