namespace PacsNode.Storage.Index;

/// <summary>Tuning of the single index writer.</summary>
public sealed record IndexWriterOptions
{
    /// <summary>The most records committed in one transaction.</summary>
    public int MaxBatchSize { get; init; } = 256;

    /// <summary>
    /// Commit with synchronous=NORMAL on the writer's connection (in the operating system's cache, durable against a
    /// crash of the process) and leave flushing to <see cref="IndexWriter.FlushToDiskAsync"/>: for a node whose store
    /// journal makes each acknowledged instance durable and replays its index row after a power loss. Default false:
    /// every commit is flushed as the database's durability says.
    /// </summary>
    public bool DeferDurability { get; init; }
}
