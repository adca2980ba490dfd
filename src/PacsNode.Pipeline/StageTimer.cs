namespace PacsNode.Pipeline;

/// <summary>
/// The elapsed time of each named stage of a job (<c>stability</c>, <c>load</c>, <c>suv</c>, <c>kernels</c>,
/// <c>report</c>, <c>store</c>, <c>forward:AE</c>), in the order first recorded; kept in the job row as JSON and
/// logged. A stage measured twice accumulates. Not thread-safe: one job, one worker.
/// </summary>
public sealed class StageTimer
{
    private readonly List<KeyValuePair<string, TimeSpan>> _stages = [];
    private readonly TimeProvider _timeProvider;

    public StageTimer(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
    }

    /// <summary>The stages recorded so far, in first-recorded order.</summary>
    public IReadOnlyList<KeyValuePair<string, TimeSpan>> Stages => _stages;

    /// <summary>Adds <paramref name="elapsed"/> to <paramref name="stage"/>.</summary>
    public void Record(string stage, TimeSpan elapsed)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stage);
        int index = _stages.FindIndex(s => string.Equals(s.Key, stage, StringComparison.Ordinal));
        if (index < 0)
        {
            _stages.Add(KeyValuePair.Create(stage, elapsed));
        }
        else
        {
            _stages[index] = KeyValuePair.Create(stage, _stages[index].Value + elapsed);
        }
    }

    /// <summary>Measures a stage until the returned scope is disposed: <c>using (timings.Measure("suv")) { … }</c>.</summary>
    public IDisposable Measure(string stage)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stage);
        return new Scope(this, stage, _timeProvider.GetTimestamp());
    }

    private sealed class Scope(StageTimer owner, string stage, long started) : IDisposable
    {
        private bool _disposed;

        public void Dispose()
        {
            if (!_disposed)
            {
                _disposed = true;
                owner.Record(stage, owner._timeProvider.GetElapsedTime(started));
            }
        }
    }
}
