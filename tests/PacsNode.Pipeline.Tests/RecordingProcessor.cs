using System.Collections.Concurrent;

namespace PacsNode.Pipeline.Tests;

/// <summary>
/// A test processor: records every call and answers from a script (the last answer repeats); an answer may be a
/// function that throws or waits for cancellation.
/// </summary>
internal sealed class RecordingProcessor(params Func<PipelineJob, CancellationToken, Task<ProcessingOutcome>>[] script) : ISeriesProcessor
{
    private readonly ConcurrentQueue<PipelineJob> _calls = new();

    public IReadOnlyList<PipelineJob> Calls => [.. _calls];

    public static Func<PipelineJob, CancellationToken, Task<ProcessingOutcome>> Succeed(params string[] results) =>
        (job, _) => Task.FromResult(ProcessingOutcome.Success(results, $"report for {job.SeriesInstanceUid}"));

    public static Func<PipelineJob, CancellationToken, Task<ProcessingOutcome>> FailTransiently(string reason) =>
        (_, _) => Task.FromResult(ProcessingOutcome.TransientFailure(reason));

    public static Func<PipelineJob, CancellationToken, Task<ProcessingOutcome>> Throw(string message) =>
        (_, _) => throw new InvalidOperationException(message);

    public static Func<PipelineJob, CancellationToken, Task<ProcessingOutcome>> Hang() =>
        async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            throw new InvalidOperationException("unreachable");
        };

    public async Task<ProcessingOutcome> ProcessAsync(PipelineJob job, StageTimer timings, CancellationToken cancellationToken)
    {
        _calls.Enqueue(job);
        using (timings.Measure("report"))
        {
            return await script[Math.Min(_calls.Count, script.Length) - 1](job, cancellationToken);
        }
    }
}
