using PacsNode.Dicom.Dictionary;

namespace PacsNode.Dicom.Data.Values;

/// <summary>
/// A DT value (PS3.5 table 6.2-1): YYYY[MM[DD[HH[MM[SS[.F{1-6}]]]]]][&amp;ZZXX], remembering which components
/// were present and whether a UTC offset was given. A value that ends early names a whole period:
/// "2024" is all of 2024.
/// </summary>
public readonly struct DicomDateTime : IEquatable<DicomDateTime>
{
    private readonly DicomDate _date;
    private readonly DicomTime _time;
    private readonly DicomDateTimePrecision _precision;
    private readonly TimeSpan? _offset;

    private DicomDateTime(DicomDate date, DicomTime time, DicomDateTimePrecision precision, TimeSpan? offset)
    {
        _date = date;
        _time = time;
        _precision = precision;
        _offset = offset;
    }

    public int Year => _date.Year;

    /// <summary>1 where the value stops at the year.</summary>
    public int Month => _date.Month;

    /// <summary>1 where the value stops before the day.</summary>
    public int Day => _date.Day;

    public int Hour => _time.Hour;

    public int Minute => _time.Minute;

    /// <summary>0-60; 60 is a leap second.</summary>
    public int Second => _time.Second;

    public int Microsecond => _time.Microsecond;

    public int FractionDigits => _time.FractionDigits;

    /// <summary>The last component present, Year to Fraction.</summary>
    public DicomDateTimePrecision Precision => _precision;

    /// <summary>The offset from UTC given by the &amp;ZZXX suffix, or null where the value has none.</summary>
    public TimeSpan? Offset => _offset;

    /// <summary>
    /// The first instant of the period the value names, with DateTimeKind.Unspecified (the offset, if any, is in
    /// <see cref="Offset"/>); missing components take their least value and a leap second reads as 59.999999 s.
    /// </summary>
    public DateTime Start => _date.Date.ToDateTime(_precision >= DicomDateTimePrecision.Hour
        ? _time.ToTimeOnly()
        : TimeOnly.MinValue);

    /// <summary>The first instant after the period the value names (DateTime.MaxValue at the end of 9999).</summary>
    public DateTime End
    {
        get
        {
            DateTime start = Start;
            DateTime max = DateTime.MaxValue;
            return _precision switch
            {
                DicomDateTimePrecision.Year => start.Year == 9999 ? max : start.AddYears(1),
                DicomDateTimePrecision.Month => start.Year == 9999 && start.Month == 12 ? max : start.AddMonths(1),
                _ => max - start < Period ? max : start + Period,
            };
        }
    }

    /// <summary>The instant with its offset, or null where the value carries no offset.</summary>
    public DateTimeOffset? ToDateTimeOffset() => _offset is { } offset ? new DateTimeOffset(Start, offset) : null;

    /// <summary>
    /// The instant, taking <paramref name="defaultOffset"/> (typically Timezone Offset From UTC (0008,0201))
    /// where the value carries no offset of its own.
    /// </summary>
    public DateTimeOffset ToDateTimeOffset(TimeSpan defaultOffset) => new(Start, _offset ?? defaultOffset);

    /// <summary>A DT value for <paramref name="value"/>, written to the given precision, with an optional offset.</summary>
    public static DicomDateTime FromDateTime(
        DateTime value,
        DicomDateTimePrecision precision = DicomDateTimePrecision.Fraction,
        TimeSpan? offset = null)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan((int)precision, (int)DicomDateTimePrecision.Fraction);
        if (offset is { } o && !IsValidOffset(o))
        {
            throw new ArgumentOutOfRangeException(nameof(offset), offset, "DT offsets run from -12:00 to +14:00.");
        }

        var date = new DicomDate(
            value.Year,
            precision >= DicomDateTimePrecision.Month ? value.Month : 1,
            precision >= DicomDateTimePrecision.Day ? value.Day : 1);
        DicomTime time = precision >= DicomDateTimePrecision.Hour
            ? DicomTime.FromTimeOnly(TimeOnly.FromDateTime(value), precision)
            : default;
        return new DicomDateTime(date, time, precision, offset);
    }

    /// <summary>A DT value for <paramref name="value"/>, its offset included.</summary>
    public static DicomDateTime FromDateTimeOffset(
        DateTimeOffset value, DicomDateTimePrecision precision = DicomDateTimePrecision.Fraction) =>
        FromDateTime(value.DateTime, precision, value.Offset);

    /// <summary>
    /// Parses a DT value, ignoring surrounding spaces and NULs. False for a component of the wrong width, an
    /// impossible date or time, a fraction without seconds or of more than 6 digits, or an offset outside
    /// -1200 to +1400.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, out DicomDateTime value)
    {
        value = default;
        text = ValueText.Trim(text);
        TimeSpan? offset = null;
        int sign = text.LastIndexOfAny('+', '-');
        if (sign >= 0)
        {
            if (!TryParseOffset(text[sign..], out TimeSpan parsed))
            {
                return false;
            }

            offset = parsed;
            text = text[..sign];
        }

        int dot = text.IndexOf('.');
        int digits = dot < 0 ? text.Length : dot;
        if (digits is not (4 or 6 or 8 or 10 or 12 or 14) || !ValueText.IsDigits(text[..digits]))
        {
            return false;
        }

        ReadOnlySpan<char> month = digits >= 6 ? text[4..6] : "01";
        ReadOnlySpan<char> day = digits >= 8 ? text[6..8] : "01";
        if (!DicomDate.TryCreate(text[..4], month, day, out DicomDate date))
        {
            return false;
        }

        DicomTime time = default;
        DicomDateTimePrecision precision = digits switch
        {
            4 => DicomDateTimePrecision.Year,
            6 => DicomDateTimePrecision.Month,
            _ => DicomDateTimePrecision.Day,
        };
        if (digits > 8)
        {
            if (!DicomTime.TryParseCompact(text[8..], out time))
            {
                return false;
            }

            precision = time.Precision;
        }
        else if (dot >= 0)
        {
            return false;
        }

        value = new DicomDateTime(date, time, precision, offset);
        return true;
    }

    public static DicomDateTime Parse(ReadOnlySpan<char> text)
    {
        if (!TryParse(text, out DicomDateTime value))
        {
            ValueText.ThrowFormat(DicomVR.DT, text);
        }

        return value;
    }

    public bool TryFormat(Span<char> destination, out int charsWritten)
    {
        charsWritten = 0;
        Span<char> buffer = stackalloc char[26];
        Span<char> date = stackalloc char[8];
        _date.TryFormat(date, out _);
        int length = _precision switch
        {
            DicomDateTimePrecision.Year => 4,
            DicomDateTimePrecision.Month => 6,
            _ => 8,
        };
        date[..length].CopyTo(buffer);
        if (_precision >= DicomDateTimePrecision.Hour)
        {
            _time.TryFormat(buffer[8..], out int timeLength);
            length += timeLength;
        }

        if (_offset is { } offset)
        {
            buffer[length] = offset < TimeSpan.Zero ? '-' : '+';
            TimeSpan magnitude = offset.Duration();
            ValueText.WriteDigits(buffer[(length + 1)..], magnitude.Hours, 2);
            ValueText.WriteDigits(buffer[(length + 3)..], magnitude.Minutes, 2);
            length += 5;
        }

        if (destination.Length < length)
        {
            return false;
        }

        buffer[..length].CopyTo(destination);
        charsWritten = length;
        return true;
    }

    /// <summary>The value as written, to its own precision, with its offset if it has one.</summary>
    public override string ToString()
    {
        Span<char> buffer = stackalloc char[26];
        TryFormat(buffer, out int written);
        return new string(buffer[..written]);
    }

    /// <summary>Same components, precision and offset: "2024" and "202401" differ.</summary>
    public bool Equals(DicomDateTime other) => _date == other._date && _time == other._time
        && _precision == other._precision && _offset == other._offset;

    public override bool Equals(object? obj) => obj is DicomDateTime other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(_date, _time, _precision, _offset);

    public static bool operator ==(DicomDateTime left, DicomDateTime right) => left.Equals(right);

    public static bool operator !=(DicomDateTime left, DicomDateTime right) => !left.Equals(right);

    private TimeSpan Period => _precision == DicomDateTimePrecision.Day
        ? TimeSpan.FromDays(1)
        : DicomTime.PeriodLength(_precision, _time.FractionDigits);

    private static bool TryParseOffset(ReadOnlySpan<char> suffix, out TimeSpan offset)
    {
        offset = default;
        if (suffix.Length != 5 || !ValueText.IsDigits(suffix[1..]))
        {
            return false;
        }

        int hours = ValueText.Digits(suffix[1..3]);
        int minutes = ValueText.Digits(suffix[3..5]);
        if (minutes > 59)
        {
            return false;
        }

        offset = new TimeSpan(hours, minutes, 0);
        if (suffix[0] == '-')
        {
            offset = -offset;
        }

        return IsValidOffset(offset);
    }

    private static bool IsValidOffset(TimeSpan offset) =>
        offset >= TimeSpan.FromHours(-12) && offset <= TimeSpan.FromHours(14) && offset.Ticks % TimeSpan.TicksPerMinute == 0;
}
