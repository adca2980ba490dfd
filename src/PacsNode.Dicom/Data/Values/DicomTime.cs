using PacsNode.Dicom.Dictionary;

namespace PacsNode.Dicom.Data.Values;

/// <summary>
/// A TM value (PS3.5 table 6.2-1): HH[MM[SS[.F{1-6}]]] on a 24-hour clock, remembering which components
/// were present. A time that ends early stands for the whole period it names: "10" is 10:00 to 10:59:59.999999.
/// </summary>
public readonly struct DicomTime : IEquatable<DicomTime>, IComparable<DicomTime>
{
    private const int MaxFractionDigits = 6;

    private readonly byte _hour;
    private readonly byte _minute;
    private readonly byte _second;
    private readonly byte _fractionDigits;
    private readonly DicomDateTimePrecision _precision;
    private readonly int _microsecond;

    /// <summary>A time to the hour ("HH").</summary>
    public DicomTime(int hour)
        : this(hour, 0, 0, 0, 0, DicomDateTimePrecision.Hour)
    {
    }

    /// <summary>A time to the minute ("HHMM").</summary>
    public DicomTime(int hour, int minute)
        : this(hour, minute, 0, 0, 0, DicomDateTimePrecision.Minute)
    {
    }

    /// <summary>A time to the second ("HHMMSS"); second 60 is a leap second.</summary>
    public DicomTime(int hour, int minute, int second)
        : this(hour, minute, second, 0, 0, DicomDateTimePrecision.Second)
    {
    }

    /// <summary>A time with a fraction written with <paramref name="fractionDigits"/> digits (1-6).</summary>
    public DicomTime(int hour, int minute, int second, int microsecond, int fractionDigits = MaxFractionDigits)
        : this(hour, minute, second, microsecond, fractionDigits, DicomDateTimePrecision.Fraction)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fractionDigits, 1);
    }

    private DicomTime(
        int hour, int minute, int second, int microsecond, int fractionDigits, DicomDateTimePrecision precision)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(hour);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(hour, 23);
        ArgumentOutOfRangeException.ThrowIfNegative(minute);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minute, 59);
        ArgumentOutOfRangeException.ThrowIfNegative(second);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(second, 60);
        ArgumentOutOfRangeException.ThrowIfNegative(microsecond);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(microsecond, 999_999);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fractionDigits, MaxFractionDigits);
        _hour = (byte)hour;
        _minute = (byte)minute;
        _second = (byte)second;
        _microsecond = microsecond;
        _fractionDigits = (byte)fractionDigits;
        _precision = precision;
    }

    public int Hour => _hour;

    public int Minute => _minute;

    /// <summary>0-60; 60 is a leap second.</summary>
    public int Second => _second;

    public int Microsecond => _microsecond;

    /// <summary>How many fraction digits the value has (0 unless <see cref="Precision"/> is Fraction).</summary>
    public int FractionDigits => _fractionDigits;

    /// <summary>The last component present: Hour, Minute, Second or Fraction.</summary>
    public DicomDateTimePrecision Precision => _precision == default ? DicomDateTimePrecision.Hour : _precision;

    /// <summary>The first instant of the period the value names, as time since midnight.</summary>
    public TimeSpan Start => new TimeSpan(0, _hour, _minute, _second) + TimeSpan.FromMicroseconds(_microsecond);

    /// <summary>The first instant after the period the value names: 10:00 for "09", 10:10:10.6 for "101010.5".</summary>
    public TimeSpan End => Start + PeriodLength(Precision, _fractionDigits);

    /// <summary>The time of day; a leap second reads as 59.999999 s.</summary>
    public TimeOnly ToTimeOnly() => _second == 60
        ? new TimeOnly(_hour, _minute, 59, 999, 999)
        : new TimeOnly(Start.Ticks);

    /// <summary>The time since midnight, <see cref="Start"/>.</summary>
    public TimeSpan ToTimeSpan() => Start;

    /// <summary>A TM value for a time of day, written to the given precision (Hour to Fraction).</summary>
    public static DicomTime FromTimeOnly(TimeOnly time, DicomDateTimePrecision precision = DicomDateTimePrecision.Fraction)
    {
        int microsecond = (int)(time.Ticks % TimeSpan.TicksPerSecond / TimeSpan.TicksPerMicrosecond);
        return precision switch
        {
            DicomDateTimePrecision.Hour => new DicomTime(time.Hour),
            DicomDateTimePrecision.Minute => new DicomTime(time.Hour, time.Minute),
            DicomDateTimePrecision.Second => new DicomTime(time.Hour, time.Minute, time.Second),
            DicomDateTimePrecision.Fraction => new DicomTime(time.Hour, time.Minute, time.Second, microsecond),
            _ => throw new ArgumentOutOfRangeException(nameof(precision), precision, "TM holds hours to fractions."),
        };
    }

    /// <summary>
    /// Parses HH, HHMM, HHMMSS or HHMMSS.F{1-6}, ignoring surrounding spaces and NULs; also the old
    /// colon form HH:MM[:SS[.F]] that ACR-NEMA files carry. False for anything else or an impossible time.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, out DicomTime time)
    {
        text = ValueText.Trim(text);
        time = default;
        return text.Contains(':') ? TryParseColons(text, out time) : TryParseCompact(text, out time);
    }

    public static DicomTime Parse(ReadOnlySpan<char> text)
    {
        if (!TryParse(text, out DicomTime time))
        {
            ValueText.ThrowFormat(DicomVR.TM, text);
        }

        return time;
    }

    public bool TryFormat(Span<char> destination, out int charsWritten)
    {
        int length = Precision switch
        {
            DicomDateTimePrecision.Hour => 2,
            DicomDateTimePrecision.Minute => 4,
            DicomDateTimePrecision.Second => 6,
            _ => 7 + _fractionDigits,
        };
        charsWritten = 0;
        if (destination.Length < length)
        {
            return false;
        }

        ValueText.WriteDigits(destination, _hour, 2);
        if (length >= 4)
        {
            ValueText.WriteDigits(destination[2..], _minute, 2);
        }

        if (length >= 6)
        {
            ValueText.WriteDigits(destination[4..], _second, 2);
        }

        if (length > 6)
        {
            destination[6] = '.';
            Span<char> fraction = stackalloc char[MaxFractionDigits];
            ValueText.WriteDigits(fraction, _microsecond, MaxFractionDigits);
            fraction[.._fractionDigits].CopyTo(destination[7..]);
        }

        charsWritten = length;
        return true;
    }

    /// <summary>The value as written, to its own precision.</summary>
    public override string ToString()
    {
        Span<char> buffer = stackalloc char[13];
        TryFormat(buffer, out int written);
        return new string(buffer[..written]);
    }

    /// <summary>Same components and same precision: "10" and "1000" differ.</summary>
    public bool Equals(DicomTime other) => Start == other.Start && Precision == other.Precision
        && _fractionDigits == other._fractionDigits;

    public override bool Equals(object? obj) => obj is DicomTime other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Start, Precision, _fractionDigits);

    /// <summary>Orders by <see cref="Start"/>, then coarser precision first.</summary>
    public int CompareTo(DicomTime other)
    {
        int byStart = Start.CompareTo(other.Start);
        return byStart != 0 ? byStart : (Precision, _fractionDigits).CompareTo((other.Precision, other._fractionDigits));
    }

    public static bool operator ==(DicomTime left, DicomTime right) => left.Equals(right);

    public static bool operator !=(DicomTime left, DicomTime right) => !left.Equals(right);

    public static bool operator <(DicomTime left, DicomTime right) => left.CompareTo(right) < 0;

    public static bool operator >(DicomTime left, DicomTime right) => left.CompareTo(right) > 0;

    public static bool operator <=(DicomTime left, DicomTime right) => left.CompareTo(right) <= 0;

    public static bool operator >=(DicomTime left, DicomTime right) => left.CompareTo(right) >= 0;

    /// <summary>The length of the period a value of this precision names.</summary>
    internal static TimeSpan PeriodLength(DicomDateTimePrecision precision, int fractionDigits) => precision switch
    {
        DicomDateTimePrecision.Hour => TimeSpan.FromHours(1),
        DicomDateTimePrecision.Minute => TimeSpan.FromMinutes(1),
        DicomDateTimePrecision.Second => TimeSpan.FromSeconds(1),
        _ => TimeSpan.FromMicroseconds(Pow10(MaxFractionDigits - fractionDigits)),
    };

    /// <summary>
    /// Parses the compact TM grammar, which DT shares after its date: HH[MM[SS[.F{1-6}]]].
    /// A trailing "." without digits is read as seconds precision.
    /// </summary>
    internal static bool TryParseCompact(ReadOnlySpan<char> text, out DicomTime time)
    {
        time = default;
        int dot = text.IndexOf('.');
        ReadOnlySpan<char> whole = dot < 0 ? text : text[..dot];
        ReadOnlySpan<char> fraction = dot < 0 ? default : text[(dot + 1)..];
        if (!ValueText.IsDigits(whole) || whole.Length is not (2 or 4 or 6)
            || (dot >= 0 && (whole.Length != 6 || fraction.Length > MaxFractionDigits
                || (!fraction.IsEmpty && !ValueText.IsDigits(fraction)))))
        {
            return false;
        }

        int hour = ValueText.Digits(whole[..2]);
        int minute = whole.Length >= 4 ? ValueText.Digits(whole[2..4]) : 0;
        int second = whole.Length == 6 ? ValueText.Digits(whole[4..6]) : 0;
        DicomDateTimePrecision precision = whole.Length switch
        {
            2 => DicomDateTimePrecision.Hour,
            4 => DicomDateTimePrecision.Minute,
            _ => fraction.IsEmpty ? DicomDateTimePrecision.Second : DicomDateTimePrecision.Fraction,
        };
        return TryCreate(hour, minute, second, fraction, precision, out time);
    }

    private static bool TryParseColons(ReadOnlySpan<char> text, out DicomTime time)
    {
        time = default;
        Span<Range> parts = stackalloc Range[4];
        int count = text.Split(parts, ':');
        if (count is < 2 or > 3)
        {
            return false;
        }

        ReadOnlySpan<char> hourText = text[parts[0]];
        ReadOnlySpan<char> minuteText = text[parts[1]];
        ReadOnlySpan<char> secondText = count == 3 ? text[parts[2]] : "00";
        int dot = secondText.IndexOf('.');
        ReadOnlySpan<char> fraction = dot < 0 ? default : secondText[(dot + 1)..];
        secondText = dot < 0 ? secondText : secondText[..dot];
        if (hourText.Length != 2 || minuteText.Length != 2 || secondText.Length != 2 || !ValueText.IsDigits(hourText)
            || !ValueText.IsDigits(minuteText) || !ValueText.IsDigits(secondText) || fraction.Length > MaxFractionDigits
            || (!fraction.IsEmpty && !ValueText.IsDigits(fraction)))
        {
            return false;
        }

        DicomDateTimePrecision precision = count == 2 ? DicomDateTimePrecision.Minute
            : fraction.IsEmpty ? DicomDateTimePrecision.Second : DicomDateTimePrecision.Fraction;
        return TryCreate(
            ValueText.Digits(hourText), ValueText.Digits(minuteText), ValueText.Digits(secondText), fraction, precision,
            out time);
    }

    private static bool TryCreate(
        int hour, int minute, int second, ReadOnlySpan<char> fraction, DicomDateTimePrecision precision, out DicomTime time)
    {
        if (hour > 23 || minute > 59 || second > 60)
        {
            time = default;
            return false;
        }

        int microsecond = fraction.IsEmpty ? 0 : ValueText.Digits(fraction) * Pow10(MaxFractionDigits - fraction.Length);
        time = new DicomTime(hour, minute, second, microsecond, fraction.Length, precision);
        return true;
    }

    private static int Pow10(int exponent)
    {
        int value = 1;
        for (int i = 0; i < exponent; i++)
        {
            value *= 10;
        }

        return value;
    }
}
