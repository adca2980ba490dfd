namespace PacsNode.Host.Options;

/// <summary>
/// A DICOM peer the node knows by AE title (a C-MOVE destination, a forwarding target). The section
/// <c>PacsNode:Remotes</c> is an array of these: <c>[{ "AeTitle": "VIEWER", "Host": "10.0.0.5", "Port": 104 }]</c>;
/// <c>pacsnode serve --remote AE@host:port</c> appends one.
/// </summary>
internal sealed class RemoteNodeOptions
{
    public const string SectionName = "PacsNode:Remotes";

    public string AeTitle { get; set; } = string.Empty;

    public string Host { get; set; } = string.Empty;

    public int Port { get; set; }
}
