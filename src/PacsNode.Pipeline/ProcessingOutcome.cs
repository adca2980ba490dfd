namespace PacsNode.Pipeline;

/// <summary>
/// What a processor made of a job: success with the SOP Instance UIDs of the result instances it stored (these are
/// forwarded), or a failure that is retried with backoff (<see cref="Transient"/>) or parked at once (permanent).
/// </summary>
public sealed record ProcessingOutcome
{
    private ProcessingOutcome(bool succeeded, IReadOnlyList<string> resultInstanceUids, string summary, bool transient)
    {
        Succeeded = succeeded;
        ResultInstanceUids = resultInstanceUids;
        Summary = summary;
        Transient = transient;
    }

    public bool Succeeded { get; }

    /// <summary>The result instances stored (already in the index), in the order they are to be forwarded.</summary>
    public IReadOnlyList<string> ResultInstanceUids { get; }

    /// <summary>A short line for <c>pacsnode jobs</c> and the log; for a failure, its reason.</summary>
    public string Summary { get; }

    /// <summary>For a failure: true when another attempt may succeed (the job is retried after backoff).</summary>
    public bool Transient { get; }

    /// <summary>The job succeeded and stored <paramref name="resultInstanceUids"/>.</summary>
    public static ProcessingOutcome Success(IReadOnlyList<string> resultInstanceUids, string summary)
    {
        ArgumentNullException.ThrowIfNull(resultInstanceUids);
        ArgumentNullException.ThrowIfNull(summary);
        return new ProcessingOutcome(true, [.. resultInstanceUids], summary, false);
    }

    /// <summary>The job failed for a reason that may pass (a file briefly unreadable, the disk full): retried.</summary>
    public static ProcessingOutcome TransientFailure(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new ProcessingOutcome(false, [], reason, true);
    }

    /// <summary>The job can never succeed on this input (no PET series referenced, …): parked with the reason.</summary>
    public static ProcessingOutcome PermanentFailure(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new ProcessingOutcome(false, [], reason, false);
    }
}
