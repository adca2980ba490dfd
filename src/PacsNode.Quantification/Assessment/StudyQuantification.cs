using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Quantification.Lesions;

namespace PacsNode.Quantification.Assessment;

/// <summary>
/// One quantified PET series of the patient, as the assessment needs it: the identifiers, the study date, the
/// recognised tracer, and the <see cref="QuantifyResult"/> with its in-memory volume and body mask (which
/// <see cref="PetQuantifier"/> fills in; needed to align studies and to measure carried-over VOIs).
/// </summary>
public sealed record StudyQuantification
{
    public required string PatientId { get; init; }

    public required string StudyInstanceUid { get; init; }

    public required string SeriesInstanceUid { get; init; }

    public required string FrameOfReferenceUid { get; init; }

    /// <summary>StudyDate + StudyTime (else SeriesDate/Time, else AcquisitionDate/Time); null when absent.</summary>
    public DateTime? StudyDateTime { get; init; }

    public required TracerInfo Tracer { get; init; }

    public required QuantifyResult Result { get; init; }

    /// <summary>Reader tracking by VOI id (<c>Voi.Id</c>); these take precedence over position matching.</summary>
    public IReadOnlyDictionary<string, ReaderTracking> ReaderTracking { get; init; } = new Dictionary<string, ReaderTracking>();

    /// <summary>Injection to decay reference time (the uptake time), when the SUV provenance has both.</summary>
    public TimeSpan? UptakeTime => Result.Factors?.Provenance is { ReferenceTime: { } reference, InjectionTime: { } injection }
        ? reference - injection
        : null;

    /// <summary>Takes the identifiers, date and tracer from one slice's header.</summary>
    public static StudyQuantification From(DicomDataset header, QuantifyResult result)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(result);
        return new StudyQuantification
        {
            PatientId = header.GetString(DicomTag.PatientID)?.Trim() ?? string.Empty,
            StudyInstanceUid = header.GetString(DicomTag.StudyInstanceUID)?.Trim() ?? string.Empty,
            SeriesInstanceUid = header.GetString(DicomTag.SeriesInstanceUID)?.Trim() ?? string.Empty,
            FrameOfReferenceUid = header.GetString(DicomTag.FrameOfReferenceUID)?.Trim() ?? string.Empty,
            StudyDateTime = DateOf(header, DicomTag.StudyDate, DicomTag.StudyTime)
                ?? DateOf(header, DicomTag.SeriesDate, DicomTag.SeriesTime)
                ?? DateOf(header, DicomTag.AcquisitionDate, DicomTag.AcquisitionTime),
            Tracer = TracerRecognizer.Recognize(header),
            Result = result,
        };
    }

    private static DateTime? DateOf(DicomDataset header, DicomTag dateTag, DicomTag timeTag)
    {
        if (!header.TryGetDate(dateTag, out var date))
        {
            return null;
        }

        var day = date.Date.ToDateTime(TimeOnly.MinValue);
        return header.TryGetTime(timeTag, out var time) ? day + time.Start : day;
    }
}
