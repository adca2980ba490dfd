namespace PacsNode.Storage.Index;

/// <summary>One indexed instance and the file that holds it.</summary>
public sealed record CatalogInstance(string SopInstanceUid, string SopClassUid, string FilePath);
