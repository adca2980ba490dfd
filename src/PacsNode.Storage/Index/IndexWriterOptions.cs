namespace PacsNode.Storage.Index;

/// <summary>Tuning of the single index writer.</summary>
public sealed record IndexWriterOptions
{
    /// <summary>How many records may wait for the writer before callers wait (backpressure).</summary>
    public int QueueCapacity { get; init; } = 1024;

    /// <summary>The most records committed in one transaction.</summary>
    public int MaxBatchSize { get; init; } = 256;
}
