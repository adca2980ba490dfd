namespace PacsNode.Storage.Index;

/// <summary>What a reindex did: how many files it indexed, and the files it could not (with why).</summary>
public sealed record ReindexResult(int Indexed, IReadOnlyList<string> Failed);
