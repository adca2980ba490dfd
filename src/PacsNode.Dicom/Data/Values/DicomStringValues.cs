using PacsNode.Dicom.Dictionary;

namespace PacsNode.Dicom.Data.Values;

/// <summary>
/// Splits decoded string values at the '\' delimiter (PS3.5 6.4) and trims the padding that PS3.5 table
/// 6.2-1 calls insignificant.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Leading and trailing spaces are insignificant for AE, CS, DS, IS, LO and SH; the same trim applies
/// to AS, DA, DT, TM and UI, whose characters exclude the space, so trimming them is lenient and safe.</item>
/// <item>Only trailing spaces are insignificant for PN and UC, and for the single-valued LT, ST, UT and UR,
/// whose leading spaces are significant.</item>
/// <item>Trailing NULs are removed for every VR: UI is padded with one, and some writers pad text with them.</item>
/// <item>LT, ST, UT and UR hold one value; a backslash there is an ordinary character.</item>
/// <item>A value that is empty after trimming counts as no value at all (VM 0).</item>
/// </list>
/// </remarks>
public static class DicomStringValues
{
    /// <summary>The value delimiter, 05/12.</summary>
    public const char Delimiter = '\\';

    /// <summary>The values of one element, each trimmed as its VR allows.</summary>
    public static string[] Split(string text, DicomVR vr)
    {
        ArgumentNullException.ThrowIfNull(text);
        var values = new List<string>();
        foreach (ReadOnlySpan<char> value in Enumerate(text, vr))
        {
            values.Add(value.Length == text.Length ? text : value.ToString());
        }

        return [.. values];
    }

    /// <summary>The values of one element as spans over <paramref name="text"/>, without allocating.</summary>
    public static DicomStringValueEnumerator Enumerate(ReadOnlySpan<char> text, DicomVR vr) => new(text, vr);

    /// <summary>The number of values (the VM as encoded): 0 for empty text, else one more than the delimiters.</summary>
    public static int Count(ReadOnlySpan<char> text, DicomVR vr)
    {
        int count = 0;
        foreach (ReadOnlySpan<char> value in Enumerate(text, vr))
        {
            _ = value;
            count++;
        }

        return count;
    }

    /// <summary>One value without its insignificant padding.</summary>
    public static ReadOnlySpan<char> Trim(ReadOnlySpan<char> value, DicomVR vr)
    {
        value = value.TrimEnd(" \0");
        return LeadingSpacesInsignificant(vr) ? value.TrimStart(' ') : value;
    }

    /// <summary>One value without its insignificant padding.</summary>
    public static string Trim(string value, DicomVR vr)
    {
        ArgumentNullException.ThrowIfNull(value);
        ReadOnlySpan<char> trimmed = Trim(value.AsSpan(), vr);
        return trimmed.Length == value.Length ? value : trimmed.ToString();
    }

    /// <summary>The values joined with the delimiter, ready for <c>DicomCharacterSet.Encode</c>.</summary>
    public static string Join(IEnumerable<string> values) => string.Join(Delimiter, values);

    /// <summary>True where PS3.5 table 6.2-1 (or the VR's repertoire) makes leading spaces insignificant.</summary>
    public static bool LeadingSpacesInsignificant(DicomVR vr) => vr is DicomVR.AE or DicomVR.AS or DicomVR.CS
        or DicomVR.DA or DicomVR.DS or DicomVR.DT or DicomVR.IS or DicomVR.LO or DicomVR.SH or DicomVR.TM
        or DicomVR.UI;
}
