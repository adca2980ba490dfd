using PacsNode.Dicom.Dictionary;

namespace PacsNode.Dicom.Data.Values;

/// <summary>A DA value (PS3.5 table 6.2-1): a Gregorian date written YYYYMMDD.</summary>
public readonly record struct DicomDate : IComparable<DicomDate>
{
    public DicomDate(DateOnly date) => Date = date;

    public DicomDate(int year, int month, int day)
        : this(new DateOnly(year, month, day))
    {
    }

    public DateOnly Date { get; }

    public int Year => Date.Year;

    public int Month => Date.Month;

    public int Day => Date.Day;

    /// <summary>
    /// Parses YYYYMMDD, ignoring surrounding spaces and NULs; also the ACR-NEMA form YYYY.MM.DD that
    /// PS3.5 no longer allows but old files still carry. False for anything else or an impossible date.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, out DicomDate date)
    {
        text = ValueText.Trim(text);
        date = default;
        if (text.Length == 10 && text[4] == '.' && text[7] == '.')
        {
            return TryCreate(text[..4], text[5..7], text[8..], out date);
        }

        return text.Length == 8 && TryCreate(text[..4], text[4..6], text[6..], out date);
    }

    public static DicomDate Parse(ReadOnlySpan<char> text)
    {
        if (!TryParse(text, out DicomDate date))
        {
            ValueText.ThrowFormat(DicomVR.DA, text);
        }

        return date;
    }

    public bool TryFormat(Span<char> destination, out int charsWritten)
    {
        if (destination.Length < 8)
        {
            charsWritten = 0;
            return false;
        }

        ValueText.WriteDigits(destination, Year, 4);
        ValueText.WriteDigits(destination[4..], Month, 2);
        ValueText.WriteDigits(destination[6..], Day, 2);
        charsWritten = 8;
        return true;
    }

    /// <summary>YYYYMMDD.</summary>
    public override string ToString() => string.Create(8, this, static (span, date) => date.TryFormat(span, out _));

    public int CompareTo(DicomDate other) => Date.CompareTo(other.Date);

    public static bool operator <(DicomDate left, DicomDate right) => left.CompareTo(right) < 0;

    public static bool operator >(DicomDate left, DicomDate right) => left.CompareTo(right) > 0;

    public static bool operator <=(DicomDate left, DicomDate right) => left.CompareTo(right) <= 0;

    public static bool operator >=(DicomDate left, DicomDate right) => left.CompareTo(right) >= 0;

    internal static bool TryCreate(
        ReadOnlySpan<char> year, ReadOnlySpan<char> month, ReadOnlySpan<char> day, out DicomDate date)
    {
        date = default;
        if (!ValueText.IsDigits(year) || !ValueText.IsDigits(month) || !ValueText.IsDigits(day))
        {
            return false;
        }

        int y = ValueText.Digits(year);
        int m = ValueText.Digits(month);
        int d = ValueText.Digits(day);
        if (y < 1 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m))
        {
            return false;
        }

        date = new DicomDate(y, m, d);
        return true;
    }
}
