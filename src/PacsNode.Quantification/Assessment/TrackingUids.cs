using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace PacsNode.Quantification.Assessment;

/// <summary>
/// Tracking Unique Identifiers that stay the same when the assessment is run again on the same studies (so a
/// regenerated report keeps them): a name-based UUID (SHA-256 of the patient, the study the lesion was first seen in
/// and its tracking identifier, version and variant bits set as for RFC 9562 version 8) under the 2.25 root (PS3.5 B.2).
/// </summary>
public static class TrackingUids
{
    public static string Derive(string patientId, string firstStudyUid, string trackingIdentifier)
    {
        ArgumentNullException.ThrowIfNull(patientId);
        ArgumentNullException.ThrowIfNull(firstStudyUid);
        ArgumentNullException.ThrowIfNull(trackingIdentifier);
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes($"pacsnode-tracking\n{patientId}\n{firstStudyUid}\n{trackingIdentifier}"));
        Span<byte> uuid = hash.AsSpan(0, 16);
        uuid[6] = (byte)((uuid[6] & 0x0F) | 0x80);
        uuid[8] = (byte)((uuid[8] & 0x3F) | 0x80);
        return "2.25." + new BigInteger(uuid, isUnsigned: true, isBigEndian: true).ToString(CultureInfo.InvariantCulture);
    }
}
