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

    /// <summary>Associations served at once (plain and TLS each); more get a transient "local limit exceeded" rejection.</summary>
    public int MaxAssociations { get; set; } = 32;

    /// <summary>The ARTIM timer (PS3.8 9.1.5): how long a new connection may take to ask for an association.</summary>
    public int ArtimTimeoutSeconds { get; set; } = 30;

    /// <summary>How long an established association may stay silent before the node aborts it.</summary>
    public int IdleTimeoutSeconds { get; set; } = 300;

    /// <summary>On SIGTERM: how long running associations may go on (in-flight stores finish) before they are cut.</summary>
    public int ShutdownGraceSeconds { get; set; } = 10;
}
