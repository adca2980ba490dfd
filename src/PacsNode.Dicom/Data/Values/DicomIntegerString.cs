using System.Globalization;
using PacsNode.Dicom.Dictionary;

namespace PacsNode.Dicom.Data.Values;

/// <summary>
/// IS values (PS3.5 table 6.2-1): a base-10 integer of at most 12 characters, [+-]digits, possibly padded
/// with spaces, in the range -2^31 to 2^31-1.
/// </summary>
public static class DicomIntegerString
{
    /// <summary>The longest IS value, in characters.</summary>
    public const int MaxLength = 12;

    /// <summary>The least value PS3.5 allows, -2^31.</summary>
    public const long MinValue = int.MinValue;

    /// <summary>The greatest value PS3.5 allows, 2^31-1.</summary>
    public const long MaxValue = int.MaxValue;

    /// <summary>
    /// Parses one IS value, ignoring surrounding spaces and NULs and accepting a leading '+'. Values outside
    /// the PS3.5 range still parse (real files carry them); <see cref="IsInRange"/> tells them apart.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, out long value) =>
        long.TryParse(ValueText.Trim(text), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    /// <summary>As <see cref="TryParse(ReadOnlySpan{char}, out long)"/>, false where the value exceeds an int.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out int value) =>
        int.TryParse(ValueText.Trim(text), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    public static long Parse(ReadOnlySpan<char> text)
    {
        if (!TryParse(text, out long value))
        {
            ValueText.ThrowFormat(DicomVR.IS, text);
        }

        return value;
    }

    /// <summary>True within -2^31 to 2^31-1, the range PS3.5 allows.</summary>
    public static bool IsInRange(long value) => value is >= MinValue and <= MaxValue;

    /// <summary>The value as IS text; throws where it lies outside the PS3.5 range.</summary>
    public static string Format(long value)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(value, MinValue);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, MaxValue);
        return value.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>As <see cref="Format"/>; false outside the PS3.5 range or for a destination too short.</summary>
    public static bool TryFormat(long value, Span<char> destination, out int charsWritten)
    {
        if (!IsInRange(value))
        {
            charsWritten = 0;
            return false;
        }

        return value.TryFormat(destination, out charsWritten, default, CultureInfo.InvariantCulture);
    }
}
