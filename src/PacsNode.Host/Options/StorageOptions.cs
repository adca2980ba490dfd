namespace PacsNode.Host.Options;

/// <summary>Where the node keeps what it receives. Bound from <c>PacsNode:Storage</c>.</summary>
internal sealed class StorageOptions
{
    public const string SectionName = "PacsNode:Storage";

    /// <summary>The data folder; a relative path is relative to the working directory.</summary>
    public string DataFolder { get; set; } = string.Empty;

    /// <summary>Below this much free space on the data folder's disk, C-STORE answers Out of Resources (A700).</summary>
    public long MinimumFreeMegabytes { get; set; } = 256;

    /// <summary>The absolute path of <see cref="DataFolder"/>.</summary>
    public string DataFolderFullPath => Path.GetFullPath(DataFolder);
}
