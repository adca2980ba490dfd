using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;

namespace PacsNode.Quantification.Suv;

/// <summary>
/// The decay reference time of a START series (DOMAIN.md section 2): SeriesDate/Time when not after the earliest
/// acquisition; otherwise the GE private scan time; otherwise, when every slice has a positive FrameReferenceTime
/// and ActualFrameDuration and they agree within a second, the IBSI back-computation
/// (AcquisitionDateTime + average-count-rate time − FrameReferenceTime); otherwise the earliest acquisition.
/// The back-computation sits before the last fallback because the IBSI DRO_3_2 (series time after the
/// acquisitions, frames referenced to 11:00) is only right with it; a FrameReferenceTime of 0 is taken as "not
/// recorded", which keeps cornerstone's CPS reference case (FrameReferenceTime 0) on the earliest acquisition.
/// </summary>
internal static class ReferenceTimeResolver
{
    private static readonly TimeSpan Agreement = TimeSpan.FromSeconds(1);

    public static (DateTime Time, ReferenceTimeSource Source)? Resolve(
        IReadOnlyList<DicomDataset> slices, double halfLifeSeconds, SuvLog log)
    {
        DicomDataset first = slices[0];
        DateTime? series = SuvHeader.SeriesDateTime(first);
        DateTime? earliest = slices.Select(SuvHeader.AcquisitionDateTime).Where(t => t.HasValue).Min();

        if (series is { } s && (earliest is null || s <= earliest))
        {
            string why = earliest is null ? "no acquisition time to compare with" : "not after the earliest acquisition";
            log.Note($"decay reference: SeriesDate/SeriesTime {s:yyyy-MM-dd HH:mm:ss.fff} ({why})");
            return (s, ReferenceTimeSource.SeriesDateTime);
        }

        string reason = series is null
            ? "SeriesDate/SeriesTime missing"
            : $"SeriesDate/SeriesTime {series:yyyy-MM-dd HH:mm:ss.fff} is after the earliest acquisition {earliest:yyyy-MM-dd HH:mm:ss.fff}";
        if (SuvHeader.GeScanDateTime(first) is { } ge)
        {
            log.Note($"decay reference: GE private scan time (GEMS_PETD_01 xx0D) {ge:yyyy-MM-dd HH:mm:ss.fff}, because {reason}");
            return (ge, ReferenceTimeSource.GePrivateScanTime);
        }

        if (BackCompute(slices, halfLifeSeconds) is { } back)
        {
            log.Note($"decay reference: back-computed from AcquisitionTime + average-count-rate time − FrameReferenceTime = {back:yyyy-MM-dd HH:mm:ss.fff} on every slice, because {reason} and there is no GE private scan time");
            return (back, ReferenceTimeSource.FrameReferenceBackComputation);
        }

        if (earliest is { } e)
        {
            log.Note($"decay reference: earliest acquisition {e:yyyy-MM-dd HH:mm:ss.fff}, because {reason}, there is no GE private scan time and FrameReferenceTime cannot be used");
            return (e, ReferenceTimeSource.EarliestAcquisition);
        }

        return null;
    }

    private static DateTime? BackCompute(IReadOnlyList<DicomDataset> slices, double halfLifeSeconds)
    {
        DateTime? result = null;
        foreach (DicomDataset slice in slices)
        {
            if (SuvHeader.AcquisitionDateTime(slice) is not { } acquisition ||
                SuvHeader.Positive(slice, DicomTag.FrameReferenceTime) is not { } referenceMs ||
                SuvHeader.Positive(slice, DicomTag.ActualFrameDuration) is not { } durationMs)
            {
                return null;
            }

            double average = DecayMath.AverageCountRateTime(durationMs / 1000, halfLifeSeconds);
            DateTime candidate = acquisition + TimeSpan.FromSeconds(average - (referenceMs / 1000));
            if (result is { } previous && (candidate - previous).Duration() > Agreement)
            {
                return null;
            }

            result ??= candidate;
        }

        return result;
    }
}
