using PacsNode.Dicom.Dictionary;

namespace PacsNode.Dicom.Data.Values;

/// <summary>
/// A DT range as C-FIND range matching writes it (PS3.4 C.2.2.2.5): "A-B", "A-", "-B", or a single value.
/// Matching is left to the query layer, which knows the Timezone Offset From UTC to assume for values without
/// one; <see cref="DicomDateTime.Start"/> and <see cref="DicomDateTime.End"/> give each end's period.
/// </summary>
public readonly record struct DicomDateTimeRange(DicomDateTime? Lower, DicomDateTime? Upper)
{
    /// <summary>True for a single value rather than a range.</summary>
    public bool IsSingleValue => Lower.HasValue && Lower == Upper;

    /// <summary>
    /// Parses a range or a single value. A '-' may also start a UTC offset, so the text is first read as one
    /// value ("20240102-0500"), and otherwise split at the first '-' that leaves a valid value (or nothing) on
    /// each side ("20240102-0500-20240103").
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, out DicomDateTimeRange range)
    {
        range = default;
        text = ValueText.Trim(text);
        if (DicomDateTime.TryParse(text, out DicomDateTime single))
        {
            range = new DicomDateTimeRange(single, single);
            return true;
        }

        for (int dash = text.IndexOf('-'); dash >= 0; dash = NextDash(text, dash))
        {
            if (TryParseEnd(text[..dash], out DicomDateTime? lower) && TryParseEnd(text[(dash + 1)..], out DicomDateTime? upper)
                && (lower is not null || upper is not null))
            {
                range = new DicomDateTimeRange(lower, upper);
                return true;
            }
        }

        return false;
    }

    public static DicomDateTimeRange Parse(ReadOnlySpan<char> text)
    {
        if (!TryParse(text, out DicomDateTimeRange range))
        {
            ValueText.ThrowFormat(DicomVR.DT, text);
        }

        return range;
    }

    /// <summary>The range as a query writes it: "A-B", "A-", "-B", or "A" for a single value.</summary>
    public override string ToString() => IsSingleValue
        ? Lower!.Value.ToString()
        : $"{Lower?.ToString()}-{Upper?.ToString()}";

    private static int NextDash(ReadOnlySpan<char> text, int dash)
    {
        int next = text[(dash + 1)..].IndexOf('-');
        return next < 0 ? -1 : dash + 1 + next;
    }

    private static bool TryParseEnd(ReadOnlySpan<char> text, out DicomDateTime? end)
    {
        end = null;
        text = ValueText.Trim(text);
        if (text.IsEmpty)
        {
            return true;
        }

        if (!DicomDateTime.TryParse(text, out DicomDateTime value))
        {
            return false;
        }

        end = value;
        return true;
    }
}
