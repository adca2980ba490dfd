using PacsNode.Dicom.Dictionary;

namespace PacsNode.Dicom.IO;

/// <summary>
/// How a dataset is encoded (PS3.5 section 10): VR explicit or implicit, byte order, deflate, and whether pixel
/// data is encapsulated. Known syntaxes come from the UID dictionary; an unknown UID is treated as an
/// encapsulated explicit VR little endian syntax, as PS3.5 requires for all compressed syntaxes.
/// </summary>
public sealed class DicomTransferSyntax : IEquatable<DicomTransferSyntax>
{
    private DicomTransferSyntax(string uid, bool explicitVR, bool bigEndian, bool deflated, bool encapsulated, bool lossy)
    {
        Uid = uid;
        IsExplicitVR = explicitVR;
        IsBigEndian = bigEndian;
        IsDeflated = deflated;
        IsEncapsulated = encapsulated;
        IsLossy = lossy;
    }

    public string Uid { get; }

    public bool IsExplicitVR { get; }

    public bool IsBigEndian { get; }

    public bool IsDeflated { get; }

    public bool IsEncapsulated { get; }

    public bool IsLossy { get; }

    public string Name => DicomUid.LookupUid(Uid)?.Name ?? Uid;

    public static DicomTransferSyntax ImplicitVRLittleEndian { get; } =
        new("1.2.840.10008.1.2", false, false, false, false, false);

    public static DicomTransferSyntax ExplicitVRLittleEndian { get; } =
        new("1.2.840.10008.1.2.1", true, false, false, false, false);

    public static DicomTransferSyntax DeflatedExplicitVRLittleEndian { get; } =
        new("1.2.840.10008.1.2.1.99", true, false, true, false, false);

    public static DicomTransferSyntax ExplicitVRBigEndian { get; } =
        new("1.2.840.10008.1.2.2", true, true, false, false, false);

    public static DicomTransferSyntax RleLossless { get; } =
        new("1.2.840.10008.1.2.5", true, false, false, true, false);

    public static DicomTransferSyntax JpegLossless { get; } =
        new("1.2.840.10008.1.2.4.57", true, false, false, true, false);

    public static DicomTransferSyntax JpegLosslessSV1 { get; } =
        new("1.2.840.10008.1.2.4.70", true, false, false, true, false);

    public static DicomTransferSyntax JpegLSLossless { get; } =
        new("1.2.840.10008.1.2.4.80", true, false, false, true, false);

    public static DicomTransferSyntax Jpeg2000Lossless { get; } =
        new("1.2.840.10008.1.2.4.90", true, false, false, true, false);

    /// <summary>The uncompressed syntaxes and the lossless compressed ones PET/CT uses, by UID.</summary>
    private static readonly Dictionary<string, DicomTransferSyntax> Known = new[]
    {
        ImplicitVRLittleEndian, ExplicitVRLittleEndian, DeflatedExplicitVRLittleEndian, ExplicitVRBigEndian,
        RleLossless, JpegLossless, JpegLosslessSV1, JpegLSLossless, Jpeg2000Lossless,
    }.ToDictionary(t => t.Uid, StringComparer.Ordinal);

    /// <summary>Lossy compressed syntaxes of PS3.5 table A-1 (JPEG baseline/extended, JPEG-LS near-lossless, …).</summary>
    private static readonly HashSet<string> LossyUids = new(StringComparer.Ordinal)
    {
        "1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.51", "1.2.840.10008.1.2.4.52", "1.2.840.10008.1.2.4.53",
        "1.2.840.10008.1.2.4.54", "1.2.840.10008.1.2.4.55", "1.2.840.10008.1.2.4.56", "1.2.840.10008.1.2.4.59",
        "1.2.840.10008.1.2.4.60", "1.2.840.10008.1.2.4.61", "1.2.840.10008.1.2.4.62", "1.2.840.10008.1.2.4.63",
        "1.2.840.10008.1.2.4.64", "1.2.840.10008.1.2.4.81", "1.2.840.10008.1.2.4.91", "1.2.840.10008.1.2.4.93",
        "1.2.840.10008.1.2.4.100", "1.2.840.10008.1.2.4.101", "1.2.840.10008.1.2.4.102", "1.2.840.10008.1.2.4.103",
        "1.2.840.10008.1.2.4.104", "1.2.840.10008.1.2.4.105", "1.2.840.10008.1.2.4.106", "1.2.840.10008.1.2.4.203",
        "1.2.840.10008.1.2.4.204",
    };

    /// <summary>The syntax for a UID; any syntax not known here is encapsulated explicit VR little endian.</summary>
    public static DicomTransferSyntax FromUid(string uid)
    {
        ArgumentNullException.ThrowIfNull(uid);
        string trimmed = uid.TrimEnd('\0', ' ');
        if (Known.TryGetValue(trimmed, out DicomTransferSyntax? known))
        {
            return known;
        }

        return new DicomTransferSyntax(trimmed, true, false, false, true, LossyUids.Contains(trimmed));
    }

    /// <summary>True when the UID is a transfer syntax this code can at least parse (every one but unknown roots).</summary>
    public static bool IsTransferSyntaxUid(string uid) =>
        DicomUid.LookupUid(uid.TrimEnd('\0', ' '))?.Type == DicomUidType.TransferSyntax;

    public bool Equals(DicomTransferSyntax? other) => other is not null && string.Equals(Uid, other.Uid, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as DicomTransferSyntax);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Uid);

    public override string ToString() => $"{Name} ({Uid})";
}
