namespace PacsNode.Dicom.Dictionary;

/// <summary>Encoding facts about each VR from PS3.5 section 6.2 and 7.1.2.</summary>
public static class DicomVRInfo
{
    /// <summary>All 34 VRs of PS3.5 table 6.2-1.</summary>
    public static IReadOnlyList<DicomVR> All { get; } =
        Enum.GetValues<DicomVR>().Where(v => v != DicomVR.None).ToArray();

    /// <summary>Parses the two VR bytes of an explicit VR header; false for anything not in table 6.2-1.</summary>
    public static bool TryParse(byte first, byte second, out DicomVR vr)
    {
        vr = (DicomVR)((first << 8) | second);
        if (first is < (byte)'A' or > (byte)'Z' || second is < (byte)'A' or > (byte)'Z')
        {
            vr = DicomVR.None;
            return false;
        }

        switch (vr)
        {
            case DicomVR.AE or DicomVR.AS or DicomVR.AT or DicomVR.CS or DicomVR.DA or DicomVR.DS or DicomVR.DT
                or DicomVR.FD or DicomVR.FL or DicomVR.IS or DicomVR.LO or DicomVR.LT or DicomVR.OB or DicomVR.OD
                or DicomVR.OF or DicomVR.OL or DicomVR.OV or DicomVR.OW or DicomVR.PN or DicomVR.SH or DicomVR.SL
                or DicomVR.SQ or DicomVR.SS or DicomVR.ST or DicomVR.SV or DicomVR.TM or DicomVR.UC or DicomVR.UI
                or DicomVR.UL or DicomVR.UN or DicomVR.UR or DicomVR.US or DicomVR.UT or DicomVR.UV:
                return true;
            default:
                vr = DicomVR.None;
                return false;
        }
    }

    public static bool TryParse(ReadOnlySpan<char> text, out DicomVR vr)
    {
        if (text.Length != 2 || text[0] > 127 || text[1] > 127)
        {
            vr = DicomVR.None;
            return false;
        }

        return TryParse((byte)text[0], (byte)text[1], out vr);
    }

    public static string ToCode(this DicomVR vr) => vr == DicomVR.None
        ? "??"
        : string.Create(2, (ushort)vr, static (span, v) =>
        {
            span[0] = (char)(v >> 8);
            span[1] = (char)(v & 0xFF);
        });

    /// <summary>
    /// True where the explicit VR header has two reserved bytes and a 32-bit length (PS3.5 table 7.1-1):
    /// OB, OD, OF, OL, OV, OW, SQ, SV, UC, UN, UR, UT, UV.
    /// </summary>
    public static bool HasLongLength(this DicomVR vr) => vr is DicomVR.OB or DicomVR.OD or DicomVR.OF
        or DicomVR.OL or DicomVR.OV or DicomVR.OW or DicomVR.SQ or DicomVR.SV or DicomVR.UC or DicomVR.UN
        or DicomVR.UR or DicomVR.UT or DicomVR.UV;

    /// <summary>Character-string VRs whose values are text in the dataset's character set or in ASCII.</summary>
    public static bool IsString(this DicomVR vr) => vr is DicomVR.AE or DicomVR.AS or DicomVR.CS or DicomVR.DA
        or DicomVR.DS or DicomVR.DT or DicomVR.IS or DicomVR.LO or DicomVR.LT or DicomVR.PN or DicomVR.SH
        or DicomVR.ST or DicomVR.TM or DicomVR.UC or DicomVR.UI or DicomVR.UR or DicomVR.UT;

    /// <summary>
    /// String VRs whose text is decoded with the Specific Character Set (0008,0005); the others are
    /// restricted to the default repertoire (PS3.5 6.1.2.3).
    /// </summary>
    public static bool UsesSpecificCharacterSet(this DicomVR vr) => vr is DicomVR.LO or DicomVR.LT or DicomVR.PN
        or DicomVR.SH or DicomVR.ST or DicomVR.UC or DicomVR.UT;

    /// <summary>String VRs that never carry multiple values: a backslash is an ordinary character there.</summary>
    public static bool IsSingleValuedText(this DicomVR vr) =>
        vr is DicomVR.LT or DicomVR.ST or DicomVR.UT or DicomVR.UR;

    /// <summary>
    /// The size of one binary value, used to swap byte order and to count values; 1 for byte-stream VRs
    /// (OB, UN), 0 for strings and sequences.
    /// </summary>
    public static int ValueSize(this DicomVR vr) => vr switch
    {
        DicomVR.OB or DicomVR.UN => 1,
        DicomVR.OW or DicomVR.US or DicomVR.SS or DicomVR.AT => 2,
        DicomVR.OF or DicomVR.OL or DicomVR.FL or DicomVR.UL or DicomVR.SL => 4,
        DicomVR.OD or DicomVR.OV or DicomVR.FD or DicomVR.SV or DicomVR.UV => 8,
        _ => 0,
    };

    /// <summary>The byte that pads an odd-length value to even length: NUL for UI and binary VRs, space for text.</summary>
    public static byte PaddingByte(this DicomVR vr) => vr.IsString() && vr != DicomVR.UI ? (byte)' ' : (byte)0;
}
