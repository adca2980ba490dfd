using System.Security.Cryptography;
using System.Text;

namespace PacsNode.Pipeline.Jobs;

/// <summary>
/// The input fingerprint of a job: SHA-256 over the UTF-8 bytes of each SOP Instance UID followed by a line feed, the
/// UIDs in ordinal order without duplicates; lower-case hex. The same set of instances gives the same fingerprint
/// whatever the order they arrived in; one instance more or less gives another.
/// </summary>
public static class SeriesFingerprint
{
    public static string Compute(IEnumerable<string> sopInstanceUids)
    {
        ArgumentNullException.ThrowIfNull(sopInstanceUids);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (string uid in sopInstanceUids.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(uid + "\n"));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
