using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace PacsNode.Dicom.Network.Upper;

/// <summary>
/// TLS settings for DICOM over TLS (PS3.15 B.1, the BCP 195 profiles): TLS 1.2 and 1.3 only. A peer's certificate
/// is checked against <c>trustedCa</c> when one is given (a private CA, as DICOM sites use), otherwise against the
/// system's trust store.
/// </summary>
public static class DicomTls
{
    /// <summary>The protocol versions offered and accepted.</summary>
    public const SslProtocols Protocols = SslProtocols.Tls12 | SslProtocols.Tls13;

    /// <summary>Acceptor settings; <paramref name="requireClientCertificate"/> asks for and verifies a client certificate.</summary>
    public static SslServerAuthenticationOptions Server(
        X509Certificate2 certificate, bool requireClientCertificate, X509Certificate2Collection? trustedCa)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return new SslServerAuthenticationOptions
        {
            ServerCertificate = certificate,
            EnabledSslProtocols = Protocols,
            ClientCertificateRequired = requireClientCertificate,
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
            RemoteCertificateValidationCallback = (_, cert, _, errors) =>
                !requireClientCertificate || Validate(cert, errors, trustedCa, allowNameMismatch: true),
        };
    }

    /// <summary>Requestor settings; <paramref name="clientCertificate"/> is sent when the acceptor asks for one.</summary>
    public static SslClientAuthenticationOptions Client(
        X509Certificate2? clientCertificate, X509Certificate2Collection? trustedCa, bool verifyServer = true)
    {
        return new SslClientAuthenticationOptions
        {
            EnabledSslProtocols = Protocols,
            ClientCertificates = clientCertificate is null ? null : [clientCertificate],
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
            RemoteCertificateValidationCallback = (_, cert, _, errors) =>
                !verifyServer || Validate(cert, errors, trustedCa, allowNameMismatch: false),
        };
    }

    private static bool Validate(
        X509Certificate? certificate, SslPolicyErrors errors, X509Certificate2Collection? trustedCa, bool allowNameMismatch)
    {
        if (certificate is null)
        {
            return false;
        }

        if (!allowNameMismatch && errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            return false;
        }

        if (trustedCa is null)
        {
            return (errors & ~SslPolicyErrors.RemoteCertificateNameMismatch) == SslPolicyErrors.None;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(trustedCa);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = new X509Certificate2(certificate);
        return chain.Build(leaf);
    }
}
