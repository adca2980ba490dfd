namespace PacsNode.Dicom.Dictionary;

/// <summary>
/// The UIDs of PS3.6 table A-1. The constants, named by PS3.6 keyword (<see cref="ExplicitVRLittleEndian"/>,
/// <see cref="PositronEmissionTomographyImageStorage"/>, …), are generated into Generated/DicomUid.g.cs by
/// scripts/gen-dictionary.py; this part holds the lookups. The table is parsed, thread-safely, on the first
/// lookup, so the constants cost nothing at start-up.
/// </summary>
public static partial class DicomUid
{
    private static readonly Lazy<UidTable> Table = new(() => new UidTable());

    /// <summary>
    /// The table A-1 row of a UID, or null when the standard does not define it. Trailing NUL and space padding
    /// (as a UI value read from a dataset may carry) is ignored.
    /// </summary>
    public static DicomUidInfo? LookupUid(string uid)
    {
        ArgumentNullException.ThrowIfNull(uid);
        return Table.Value.Find(uid.TrimEnd('\0', ' '));
    }

    /// <summary>The UID's PS3.6 name, e.g. "Explicit VR Little Endian", or the UID itself when unknown.</summary>
    public static string GetName(string uid) => LookupUid(uid)?.Name ?? uid;

    /// <summary>Every UID of table A-1 (the SCP offers every storage SOP class from it).</summary>
    public static IEnumerable<DicomUidInfo> All => Table.Value.All;
}
