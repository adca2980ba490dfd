namespace PacsNode.Pipeline;

/// <summary>
/// The work a job does (quantify, build the SR and SEG, store them). The pipeline calls it once per claimed job,
/// from a worker task, never concurrently for the same job; it must be idempotent for the same
/// <see cref="PipelineJob.Fingerprint"/> (a job interrupted by a crash runs again). The host registers the
/// implementation as a singleton <c>ISeriesProcessor</c>; without one the pipeline is off.
/// </summary>
public interface ISeriesProcessor
{
    /// <summary>
    /// Processes <paramref name="job"/>, recording its stages in <paramref name="timings"/>. Expected failures are
    /// outcomes; an exception is treated as a transient failure with its message (and logged with its stack), and an
    /// <see cref="OperationCanceledException"/> on <paramref name="cancellationToken"/> returns the job to pending.
    /// </summary>
    Task<ProcessingOutcome> ProcessAsync(PipelineJob job, StageTimer timings, CancellationToken cancellationToken);
}
