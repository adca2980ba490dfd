namespace PacsNode.Host.Options;

/// <summary>DICOM over TLS (PS3.15 B.1) on a second port. Bound from <c>PacsNode:Tls</c>.</summary>
internal sealed class TlsOptions
{
    public const string SectionName = "PacsNode:Tls";

    /// <summary>The TLS port; 0 (the default) serves no TLS.</summary>
    public int Port { get; set; }

    /// <summary>The node's certificate: a PEM file (with <see cref="KeyFile"/>) or a PKCS#12 file (.pfx/.p12).</summary>
    public string CertificateFile { get; set; } = string.Empty;

    /// <summary>The PEM private key of a PEM certificate; empty when the key is in the certificate file.</summary>
    public string KeyFile { get; set; } = string.Empty;

    /// <summary>The password of a PKCS#12 file, if it has one.</summary>
    public string CertificatePassword { get; set; } = string.Empty;

    /// <summary>Whether a peer must present a certificate that chains to <see cref="TrustedCaFile"/>.</summary>
    public bool RequireClientCertificate { get; set; }

    /// <summary>PEM file of the CA certificates trusted for client certificates; empty uses the system's store.</summary>
    public string TrustedCaFile { get; set; } = string.Empty;

    public bool Enabled => Port != 0;
}
