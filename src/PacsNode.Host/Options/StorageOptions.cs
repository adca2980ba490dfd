namespace PacsNode.Host.Options;

/// <summary>Where the node keeps what it receives. Bound from <c>PacsNode:Storage</c>.</summary>
internal sealed class StorageOptions
{
    public const string SectionName = "PacsNode:Storage";

    /// <summary>The data folder; a relative path is relative to the working directory.</summary>
    public string DataFolder { get; set; } = string.Empty;

    /// <summary>The absolute path of <see cref="DataFolder"/>.</summary>
    public string DataFolderFullPath => Path.GetFullPath(DataFolder);
}
