using PacsNode.Dicom.Dictionary;

namespace PacsNode.Dicom.Data.Values;

/// <summary>An AS value (PS3.5 table 6.2-1): nnnD, nnnW, nnnM or nnnY, an age of 0-999 days, weeks, months or years.</summary>
public readonly record struct DicomAge
{
    public DicomAge(int value, DicomAgeUnit unit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 999);
        if (!Enum.IsDefined(unit))
        {
            throw new ArgumentOutOfRangeException(nameof(unit), unit, "Not an AS unit.");
        }

        Value = value;
        Unit = unit;
    }

    public int Value { get; }

    public DicomAgeUnit Unit { get; }

    /// <summary>
    /// Parses nnnX, ignoring surrounding spaces and NULs. Leniently takes one or two digits ("45Y") and a
    /// lower-case unit, which real files carry; false for anything else.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, out DicomAge age)
    {
        age = default;
        text = ValueText.Trim(text);
        if (text.Length is < 2 or > 4 || !ValueText.IsDigits(text[..^1]))
        {
            return false;
        }

        DicomAgeUnit? unit = char.ToUpperInvariant(text[^1]) switch
        {
            'D' => DicomAgeUnit.Days,
            'W' => DicomAgeUnit.Weeks,
            'M' => DicomAgeUnit.Months,
            'Y' => DicomAgeUnit.Years,
            _ => null,
        };
        if (unit is null)
        {
            return false;
        }

        age = new DicomAge(ValueText.Digits(text[..^1]), unit.Value);
        return true;
    }

    public static DicomAge Parse(ReadOnlySpan<char> text)
    {
        if (!TryParse(text, out DicomAge age))
        {
            ValueText.ThrowFormat(DicomVR.AS, text);
        }

        return age;
    }

    /// <summary>The four-character form, e.g. "018M".</summary>
    public override string ToString() => string.Create(4, this, static (span, age) =>
    {
        ValueText.WriteDigits(span, age.Value, 3);
        span[3] = age.Unit switch
        {
            DicomAgeUnit.Days => 'D',
            DicomAgeUnit.Weeks => 'W',
            DicomAgeUnit.Months => 'M',
            _ => 'Y',
        };
    });
}
