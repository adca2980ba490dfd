namespace PacsNode.Storage.Files;

/// <summary>Configuration of the file store.</summary>
public sealed record InstanceStoreOptions
{
    /// <summary>The data folder; files go to DataFolder/StudyUID/SeriesUID/SOPInstanceUID.dcm.</summary>
    public required string DataFolder { get; init; }

    public DuplicatePolicy DuplicatePolicy { get; init; } = DuplicatePolicy.Keep;

    /// <summary>Whether files and folder entries are flushed to the device before a store returns.</summary>
    public StorageDurability Durability { get; init; } = StorageDurability.PowerLoss;

    /// <summary>
    /// The size of each store journal segment under <see cref="StorageDurability.PowerLoss"/> (default 64 MiB); an
    /// instance larger than half of it is flushed in place instead of journaled.
    /// </summary>
    public long JournalSegmentBytes { get; init; } = StoreJournal.DefaultSegmentBytes;

    /// <summary>The clock of the journal records' receive times.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Below this many free bytes on the data folder's volume, stores answer OutOfResources. Default 1 GiB.</summary>
    public long MinimumFreeBytes { get; init; } = 1L << 30;
}
