using System.Globalization;
using PacsNode.Dicom.Data.Values;

namespace PacsNode.Storage.Index;

/// <summary>
/// The normalised forms stored in the *_key columns and used by matching: DA as YYYYMMDD text, TM as microseconds
/// since midnight, DT as microseconds since 0001-01-01 of the value's start (a UTC offset in the value is ignored:
/// values are compared as written, which is what PS3.4 C.2.2.2.5 asks when no offset is given), PN upper-cased with
/// the invariant culture so that PN matching can be case-insensitive. Unparseable values give null and so match
/// only universal matching.
/// </summary>
internal static class IndexKeys
{
    public static string? Date(string? text) =>
        text is not null && DicomDate.TryParse(text, out DicomDate date) ? date.ToString() : null;

    public static long? Time(string? text) =>
        text is not null && DicomTime.TryParse(text, out DicomTime time) ? Microseconds(time.Start) : null;

    public static long? DateTime(string? text) =>
        text is not null && DicomDateTime.TryParse(text, out DicomDateTime value) ? Microseconds(value.Start) : null;

    /// <summary>StudyDate at StudyTime (midnight without a time) in microseconds since 0001-01-01; null without a date.</summary>
    public static long? DateAtTime(string? date, string? time) =>
        date is not null && DicomDate.TryParse(date, out DicomDate day)
            ? Microseconds(day.Date.ToDateTime(TimeOnly.MinValue)) + (Time(time) ?? 0)
            : null;

    public static string? PersonName(string? text) => text?.ToUpperInvariant();

    public static int? Integer(string? text) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite,
            CultureInfo.InvariantCulture, out int value) ? value : null;

    public static long Microseconds(TimeSpan span) => span.Ticks / TimeSpan.TicksPerMicrosecond;

    public static long Microseconds(System.DateTime instant) => instant.Ticks / TimeSpan.TicksPerMicrosecond;
}
