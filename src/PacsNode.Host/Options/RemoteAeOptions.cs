namespace PacsNode.Host.Options;

/// <summary>One known remote AE: a C-MOVE destination. An element of <c>PacsNode:Remotes</c>.</summary>
internal sealed class RemoteAeOptions
{
    /// <summary>The AE title a C-MOVE-RQ names as its Move Destination.</summary>
    public string AeTitle { get; set; } = string.Empty;

    /// <summary>Host name or IP address of the destination's Storage SCP.</summary>
    public string Host { get; set; } = string.Empty;

    /// <summary>Its TCP port, 1 to 65535.</summary>
    public int Port { get; set; }
}
