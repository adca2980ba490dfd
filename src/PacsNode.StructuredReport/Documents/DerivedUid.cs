using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace PacsNode.StructuredReport.Documents;

/// <summary>
/// Deterministic UIDs for derived objects: "2.25." followed by the decimal form of 128 bits of SHA-256 over the given
/// parts (PS3.5 B.2 allows a UUID-derived integer under 2.25; a name-based hash is how UUID v5 is made). The same parts
/// always give the same UID, so reprocessing a series rewrites the same SR and SEG instead of adding copies.
/// </summary>
public static class DerivedUid
{
    public static string Create(params string[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Length == 0)
        {
            throw new ArgumentException("Give at least one part to derive the UID from.", nameof(parts));
        }

        // A separator that cannot occur in UIDs or keys keeps ("a", "bc") apart from ("ab", "c").
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001F', parts)));
        var value = new BigInteger(hash.AsSpan(0, 16), isUnsigned: true, isBigEndian: true);
        return "2.25." + value.ToString(CultureInfo.InvariantCulture);
    }
}
