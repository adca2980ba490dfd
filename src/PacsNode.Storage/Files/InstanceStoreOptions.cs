namespace PacsNode.Storage.Files;

/// <summary>Configuration of the file store.</summary>
public sealed record InstanceStoreOptions
{
    /// <summary>The data folder; files go to DataFolder/StudyUID/SeriesUID/SOPInstanceUID.dcm.</summary>
    public required string DataFolder { get; init; }

    public DuplicatePolicy DuplicatePolicy { get; init; } = DuplicatePolicy.Keep;

    /// <summary>Whether files and folder entries are flushed to the device before a store returns.</summary>
    public StorageDurability Durability { get; init; } = StorageDurability.PowerLoss;

    /// <summary>Below this many free bytes on the data folder's volume, stores answer OutOfResources. Default 1 GiB.</summary>
    public long MinimumFreeBytes { get; init; } = 1L << 30;
}
