namespace PacsNode.Storage.Index;

/// <summary>
/// What a reindex did: how many files it indexed, the files it could not (each "path: why"), and how many index rows
/// it removed because their file is gone.
/// </summary>
public sealed record ReindexResult(int Indexed, IReadOnlyList<string> Failed)
{
    /// <summary>Rows whose file no longer exists, removed (with the series, studies and patients they emptied).</summary>
    public int Removed { get; init; }
}
