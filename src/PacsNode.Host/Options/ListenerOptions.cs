namespace PacsNode.Host.Options;

/// <summary>Where the node accepts DICOM associations. Bound from <c>PacsNode:Listener</c>.</summary>
internal sealed class ListenerOptions
{
    public const string SectionName = "PacsNode:Listener";

    /// <summary>Our Application Entity title (AE VR: 1 to 16 characters, no backslash).</summary>
    public string AeTitle { get; set; } = string.Empty;

    /// <summary>The IP address to bind, for example <c>127.0.0.1</c> or <c>0.0.0.0</c>.</summary>
    public string Address { get; set; } = string.Empty;

    /// <summary>The TCP port to listen on, 1 to 65535.</summary>
    public int Port { get; set; }
}
