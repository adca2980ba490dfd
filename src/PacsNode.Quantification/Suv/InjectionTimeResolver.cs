using System.Diagnostics.CodeAnalysis;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Data.Values;
using PacsNode.Dicom.Dictionary;

namespace PacsNode.Quantification.Suv;

/// <summary>
/// The injection date-time (DOMAIN.md section 2): RadiopharmaceuticalStartDateTime first; with only
/// RadiopharmaceuticalStartTime, the date of the scan, and the day before when the time is later than the scan
/// (midnight crossed). For long-lived tracers (T½ &gt; 12 h) a time without a date is refused unless a date is
/// configured. DOMAIN.md names SeriesDate as the date; the scan time compared against is the decay reference,
/// which is on SeriesDate on the usual path; on the GE-private fallback its own date is used, because GE's
/// private dates may carry a different anonymisation shift from the public ones.
/// </summary>
internal static class InjectionTimeResolver
{
    public const double LongLivedHalfLifeSeconds = 12 * 3600;

    public static bool TryResolve(
        DicomDataset radiopharmaceutical,
        DateTime scan,
        double halfLifeSeconds,
        SuvOptions options,
        SuvLog log,
        out (DateTime Time, InjectionTimeSource Source) injection,
        [NotNullWhen(false)] out SuvFailure? failure)
    {
        failure = null;
        injection = default;
        if (SuvHeader.DateTimeValue(radiopharmaceutical, DicomTag.RadiopharmaceuticalStartDateTime) is { } dateTime)
        {
            log.Note($"injection: RadiopharmaceuticalStartDateTime {dateTime:yyyy-MM-dd HH:mm:ss.fff}");
            injection = (dateTime, InjectionTimeSource.StartDateTime);
            return true;
        }

        if (!radiopharmaceutical.TryGetTime(DicomTag.RadiopharmaceuticalStartTime, out DicomTime time))
        {
            failure = new SuvFailure(
                SuvFailureReason.MissingAttribute,
                "the injection time is missing: neither RadiopharmaceuticalStartDateTime (0018,1078) nor RadiopharmaceuticalStartTime (0018,1072) holds a value");
            return false;
        }

        if (options.InjectionDate is { } configured)
        {
            DateTime onConfigured = configured.ToDateTime(TimeOnly.MinValue) + time.ToTimeSpan();
            log.Note($"injection: RadiopharmaceuticalStartTime on the configured date, {onConfigured:yyyy-MM-dd HH:mm:ss.fff}");
            injection = (onConfigured, InjectionTimeSource.StartTimeOnConfiguredDate);
            return true;
        }

        if (halfLifeSeconds > LongLivedHalfLifeSeconds)
        {
            failure = new SuvFailure(
                SuvFailureReason.AmbiguousInjectionDate,
                FormattableString.Invariant(
                    $"RadiopharmaceuticalStartTime (0018,1072) {time} has no date and RadiopharmaceuticalStartDateTime (0018,1078) is missing; with a half-life of {halfLifeSeconds} s (more than 12 h, e.g. 89Zr imaged days after injection) the injection may have been any number of days before the scan, so the date cannot be inferred: record RadiopharmaceuticalStartDateTime or configure the injection date"));
            return false;
        }

        DateTime sameDay = scan.Date + time.ToTimeSpan();
        if (sameDay > scan)
        {
            DateTime dayBefore = sameDay.AddDays(-1);
            log.Note($"injection: RadiopharmaceuticalStartTime {time} is later than the scan {scan:HH:mm:ss}, so it was the day before: {dayBefore:yyyy-MM-dd HH:mm:ss.fff}");
            injection = (dayBefore, InjectionTimeSource.StartTimeOnDayBeforeSeriesDate);
            return true;
        }

        log.Note($"injection: RadiopharmaceuticalStartTime on the scan date, {sameDay:yyyy-MM-dd HH:mm:ss.fff}");
        injection = (sameDay, InjectionTimeSource.StartTimeOnSeriesDate);
        return true;
    }
}
