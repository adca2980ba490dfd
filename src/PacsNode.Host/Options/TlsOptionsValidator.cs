using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using PacsNode.Host.Services;

namespace PacsNode.Host.Options;

/// <summary>Checks <see cref="TlsOptions"/> when TLS is on: the port, and that the certificate and CA files load.</summary>
internal sealed class TlsOptionsValidator : IValidateOptions<TlsOptions>
{
    private const string Section = TlsOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, TlsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (options.Port is < IPEndPoint.MinPort + 1 or > IPEndPoint.MaxPort)
        {
            failures.Add($"{Section}{nameof(TlsOptions.Port)} must be 0 (no TLS) or between 1 and 65535, not {options.Port}");
        }

        if (string.IsNullOrWhiteSpace(options.CertificateFile))
        {
            failures.Add($"{Section}{nameof(TlsOptions.CertificateFile)} must name a PEM or PFX file when TLS is on");
        }
        else
        {
            try
            {
                using var certificate = TlsCertificates.LoadWithKey(options.CertificateFile, options.KeyFile, options.CertificatePassword);
            }
            catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
            {
                failures.Add($"{Section}{nameof(TlsOptions.CertificateFile)} '{options.CertificateFile}' cannot be loaded: {ex.Message}");
            }
        }

        if (!string.IsNullOrWhiteSpace(options.TrustedCaFile))
        {
            try
            {
                TlsCertificates.LoadBundle(options.TrustedCaFile);
            }
            catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
            {
                failures.Add($"{Section}{nameof(TlsOptions.TrustedCaFile)} '{options.TrustedCaFile}' cannot be loaded: {ex.Message}");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
