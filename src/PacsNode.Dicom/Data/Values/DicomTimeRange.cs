using PacsNode.Dicom.Dictionary;

namespace PacsNode.Dicom.Data.Values;

/// <summary>
/// A TM range as C-FIND range matching writes it (PS3.4 C.2.2.2.5): "A-B", "A-", "-B", or a single time.
/// Each end covers the whole period its precision names, so "10-11" runs from 10:00 to 11:59:59.999999.
/// </summary>
public readonly record struct DicomTimeRange(DicomTime? Lower, DicomTime? Upper)
{
    /// <summary>True for a single time rather than a range.</summary>
    public bool IsSingleTime => Lower.HasValue && Lower == Upper;

    /// <summary>Parses a range or a single time; spaces around either end are ignored. "-" alone is no range.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out DicomTimeRange range)
    {
        range = default;
        text = ValueText.Trim(text);
        int dash = text.IndexOf('-');
        if (dash < 0)
        {
            if (!DicomTime.TryParse(text, out DicomTime single))
            {
                return false;
            }

            range = new DicomTimeRange(single, single);
            return true;
        }

        if (!TryParseEnd(text[..dash], out DicomTime? lower) || !TryParseEnd(text[(dash + 1)..], out DicomTime? upper)
            || (lower is null && upper is null))
        {
            return false;
        }

        range = new DicomTimeRange(lower, upper);
        return true;
    }

    public static DicomTimeRange Parse(ReadOnlySpan<char> text)
    {
        if (!TryParse(text, out DicomTimeRange range))
        {
            ValueText.ThrowFormat(DicomVR.TM, text);
        }

        return range;
    }

    /// <summary>True where the start of <paramref name="time"/> lies within the range.</summary>
    public bool Contains(DicomTime time) => (Lower is not { } lower || time.Start >= lower.Start)
        && (Upper is not { } upper || time.Start < upper.End);

    /// <summary>The range as a query writes it: "A-B", "A-", "-B", or "A" for a single time.</summary>
    public override string ToString() => IsSingleTime
        ? Lower!.Value.ToString()
        : $"{Lower?.ToString()}-{Upper?.ToString()}";

    private static bool TryParseEnd(ReadOnlySpan<char> text, out DicomTime? end)
    {
        end = null;
        text = ValueText.Trim(text);
        if (text.IsEmpty)
        {
            return true;
        }

        if (!DicomTime.TryParse(text, out DicomTime time))
        {
            return false;
        }

        end = time;
        return true;
    }
}
