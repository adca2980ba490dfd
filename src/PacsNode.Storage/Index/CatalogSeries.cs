namespace PacsNode.Storage.Index;

/// <summary>One indexed series of a study with its instance count.</summary>
public sealed record CatalogSeries(string SeriesInstanceUid, string? Modality, int InstanceCount);
