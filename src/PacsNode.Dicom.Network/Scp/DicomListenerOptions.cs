using System.Net;
using System.Net.Security;
using PacsNode.Dicom.Network.Upper;

namespace PacsNode.Dicom.Network.Scp;

/// <summary>Where a <see cref="DicomListener"/> listens and how many associations it serves at once.</summary>
public sealed record DicomListenerOptions
{
    public IPAddress Address { get; init; } = IPAddress.Any;

    /// <summary>The TCP port; 0 picks a free one (see <see cref="DicomListener.LocalEndPoint"/>).</summary>
    public int Port { get; init; } = 104;

    /// <summary>Associations served at once; further requests get a transient "local limit exceeded" rejection.</summary>
    public int MaxAssociations { get; init; } = 32;

    public AssociationOptions Association { get; init; } = AssociationOptions.Default;

    /// <summary>
    /// When set, every connection is DICOM over TLS (PS3.15 B.1): the TLS handshake, bounded by the ARTIM time, comes
    /// before the A-ASSOCIATE-RQ. Build it with <see cref="DicomTls.Server"/>.
    /// </summary>
    public SslServerAuthenticationOptions? Tls { get; init; }

    /// <summary>
    /// Networks a peer may connect from; null accepts any. A connection from elsewhere is closed before anything is
    /// read from it.
    /// </summary>
    public IReadOnlyList<IPNetwork>? AllowedNetworks { get; init; }

    /// <summary>
    /// How long, once asked to stop, the listener lets established associations run on (an in-flight C-STORE
    /// completes and is answered, a peer may release) before cancelling them. Zero cancels them at once.
    /// </summary>
    public TimeSpan ShutdownGracePeriod { get; init; } = TimeSpan.Zero;
}
