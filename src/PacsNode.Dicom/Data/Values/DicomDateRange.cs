using PacsNode.Dicom.Dictionary;

namespace PacsNode.Dicom.Data.Values;

/// <summary>
/// A DA range as C-FIND range matching writes it (PS3.4 C.2.2.2.5): "A-B", "A-" (on or after),
/// "-B" (on or before), or a single date, which matches that day only. Both ends are inclusive.
/// </summary>
public readonly record struct DicomDateRange(DicomDate? Lower, DicomDate? Upper)
{
    /// <summary>True for a single date rather than a range.</summary>
    public bool IsSingleDate => Lower.HasValue && Lower == Upper;

    /// <summary>Parses a range or a single date; spaces around either end are ignored. "-" alone is no range.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out DicomDateRange range)
    {
        range = default;
        text = ValueText.Trim(text);
        int dash = text.IndexOf('-');
        if (dash < 0)
        {
            if (!DicomDate.TryParse(text, out DicomDate single))
            {
                return false;
            }

            range = new DicomDateRange(single, single);
            return true;
        }

        ReadOnlySpan<char> lowerText = ValueText.Trim(text[..dash]);
        ReadOnlySpan<char> upperText = ValueText.Trim(text[(dash + 1)..]);
        DicomDate? lower = null;
        DicomDate? upper = null;
        if (!lowerText.IsEmpty)
        {
            if (!DicomDate.TryParse(lowerText, out DicomDate value))
            {
                return false;
            }

            lower = value;
        }

        if (!upperText.IsEmpty)
        {
            if (!DicomDate.TryParse(upperText, out DicomDate value))
            {
                return false;
            }

            upper = value;
        }

        if (lower is null && upper is null)
        {
            return false;
        }

        range = new DicomDateRange(lower, upper);
        return true;
    }

    public static DicomDateRange Parse(ReadOnlySpan<char> text)
    {
        if (!TryParse(text, out DicomDateRange range))
        {
            ValueText.ThrowFormat(DicomVR.DA, text);
        }

        return range;
    }

    /// <summary>True where the date lies within the range, ends included.</summary>
    public bool Contains(DicomDate date) => (Lower is not { } lower || date >= lower)
        && (Upper is not { } upper || date <= upper);

    /// <summary>The range as a query writes it: "A-B", "A-", "-B", or "A" for a single date.</summary>
    public override string ToString() => IsSingleDate
        ? Lower!.Value.ToString()
        : $"{Lower?.ToString()}-{Upper?.ToString()}";
}
