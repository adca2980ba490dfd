using PacsNode.Storage.Files;

namespace PacsNode.Host.Options;

/// <summary>Where the node keeps what it receives. Bound from <c>PacsNode:Storage</c>.</summary>
internal sealed class StorageOptions
{
    public const string SectionName = "PacsNode:Storage";

    /// <summary>The data folder; a relative path is relative to the working directory.</summary>
    public string DataFolder { get; set; } = string.Empty;

    /// <summary>Below this much free space on the data folder's disk, C-STORE answers Out of Resources (A700).</summary>
    public long MinimumFreeMegabytes { get; set; } = 256;

    /// <summary>
    /// What C-STORE does with a SOP Instance UID already stored (under any Study/Series UIDs): Keep (default; the
    /// stored file stays), Replace (the new one replaces it) or Reject (refused with 0111).
    /// </summary>
    public DuplicatePolicy DuplicatePolicy { get; set; } = DuplicatePolicy.Keep;

    /// <summary>
    /// What a Success promises: PowerLoss (default; the instance flushed to the device in the store journal, its file,
    /// folder and index row flushed by the checkpoint a second later and replayed after a power loss) or ProcessCrash
    /// (written to the operating system before Success, no flush: survives kill -9, not a power loss).
    /// </summary>
    public StorageDurability Durability { get; set; } = StorageDurability.PowerLoss;

    /// <summary>The absolute path of <see cref="DataFolder"/>.</summary>
    public string DataFolderFullPath => Path.GetFullPath(DataFolder);

    /// <summary>The SQLite index under the data folder.</summary>
    public static string IndexPath(string dataFolder) => Path.Combine(dataFolder, "index.sqlite");

    /// <summary>The file store (StudyUID/SeriesUID/SOPInstanceUID.dcm) under the data folder.</summary>
    public static string InstancesFolder(string dataFolder) => Path.Combine(dataFolder, "instances");
}
