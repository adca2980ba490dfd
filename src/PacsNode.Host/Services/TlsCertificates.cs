using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PacsNode.Host.Services;

/// <summary>Loads the certificates named in the configuration or on the command line.</summary>
internal static class TlsCertificates
{
    /// <summary>
    /// A certificate with its private key: PKCS#12 when the file ends in .pfx or .p12, otherwise PEM, with the key
    /// in <paramref name="keyFile"/> or, when that is empty, in the certificate file itself.
    /// </summary>
    /// <exception cref="CryptographicException">The file is not a certificate with a usable private key.</exception>
    public static X509Certificate2 LoadWithKey(string certificateFile, string? keyFile, string? password)
    {
        ArgumentException.ThrowIfNullOrEmpty(certificateFile);
        var extension = Path.GetExtension(certificateFile);
        var certificate = extension.Equals(".pfx", StringComparison.OrdinalIgnoreCase) || extension.Equals(".p12", StringComparison.OrdinalIgnoreCase)
            ? X509CertificateLoader.LoadPkcs12FromFile(certificateFile, string.IsNullOrEmpty(password) ? null : password)
            : X509Certificate2.CreateFromPemFile(certificateFile, string.IsNullOrEmpty(keyFile) ? null : keyFile);
        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            throw new CryptographicException($"{certificateFile} holds no private key");
        }

        return certificate;
    }

    /// <summary>Every certificate in a PEM file (a CA bundle).</summary>
    /// <exception cref="CryptographicException">The file holds no certificate.</exception>
    public static X509Certificate2Collection LoadBundle(string pemFile)
    {
        var collection = new X509Certificate2Collection();
        collection.ImportFromPemFile(pemFile);
        if (collection.Count == 0)
        {
            throw new CryptographicException($"{pemFile} holds no PEM certificate");
        }

        return collection;
    }
}
