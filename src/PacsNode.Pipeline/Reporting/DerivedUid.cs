using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace PacsNode.Pipeline.Reporting;

/// <summary>
/// UIDs that are a function of what they identify, so that running a job again (after a kill -9 between storing its
/// report and marking it done) yields the same SOP Instance UIDs and the store sees a duplicate instead of a second
/// report. The form is PS3.5 B.2's <c>2.25.</c> + the decimal value of a UUID; the UUID is a version-8 (RFC 9562,
/// custom) UUID made of the first 128 bits of SHA-256 over the purpose and parts, separated by NUL.
/// </summary>
public static class DerivedUid
{
    public static string From(string purpose, params ReadOnlySpan<string> parts)
    {
        ArgumentException.ThrowIfNullOrEmpty(purpose);
        var text = new StringBuilder(purpose);
        foreach (string part in parts)
        {
            text.Append('\0').Append(part);
        }

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()), hash);
        Span<byte> uuid = hash[..16];
        uuid[6] = (byte)((uuid[6] & 0x0F) | 0x80);
        uuid[8] = (byte)((uuid[8] & 0x3F) | 0x80);
        var value = new BigInteger(uuid, isUnsigned: true, isBigEndian: true);
        return "2.25." + value.ToString(CultureInfo.InvariantCulture);
    }
}
