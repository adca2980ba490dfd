namespace PacsNode.Storage.Index;

/// <summary>Tuning of the single index writer.</summary>
public sealed record IndexWriterOptions
{
    /// <summary>The most records committed in one transaction.</summary>
    public int MaxBatchSize { get; init; } = 256;
}
