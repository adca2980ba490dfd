using PacsNode.Dicom.Data;
using PacsNode.Dicom.Data.Values;
using PacsNode.Dicom.Dictionary;

namespace PacsNode.Quantification.Suv;

/// <summary>Reading the attributes SUV needs from one slice's header.</summary>
internal static class SuvHeader
{
    public const string GeCreator = "GEMS_PETD_01";
    public const byte GeScanDateTimeElement = 0x0D;
    public const string PhilipsCreator = "Philips PET Private Group";
    public const ushort PhilipsGroup = 0x7053;
    public const byte PhilipsSuvScaleElement = 0x00;
    public const byte PhilipsActivityScaleElement = 0x09;

    /// <summary>The first item of RadiopharmaceuticalInformationSequence (0054,0016), or null.</summary>
    public static DicomDataset? Radiopharmaceutical(DicomDataset slice) =>
        slice.GetSequence(DicomTag.RadiopharmaceuticalInformationSequence) is { Items.Count: > 0 } sequence
            ? sequence.Items[0]
            : null;

    /// <summary>A DA and a TM element combined; null when either is absent or does not parse.</summary>
    public static DateTime? DateAndTime(DicomDataset slice, DicomTag dateTag, DicomTag timeTag) =>
        slice.TryGetDate(dateTag, out DicomDate date) && slice.TryGetTime(timeTag, out DicomTime time)
            ? date.Date.ToDateTime(TimeOnly.MinValue) + time.ToTimeSpan()
            : null;

    /// <summary>A DT element with at least hour precision, as local time (any UTC offset is ignored); else null.</summary>
    public static DateTime? DateTimeValue(DicomDataset dataset, DicomTag tag) =>
        dataset.TryGetDateTime(tag, out DicomDateTime value) && value.Precision >= DicomDateTimePrecision.Hour
            ? value.Start
            : null;

    public static DateTime? SeriesDateTime(DicomDataset slice) =>
        DateAndTime(slice, DicomTag.SeriesDate, DicomTag.SeriesTime);

    /// <summary>AcquisitionDateTime, else AcquisitionDate + AcquisitionTime, else SeriesDate + AcquisitionTime.</summary>
    public static DateTime? AcquisitionDateTime(DicomDataset slice) =>
        DateTimeValue(slice, DicomTag.AcquisitionDateTime)
        ?? DateAndTime(slice, DicomTag.AcquisitionDate, DicomTag.AcquisitionTime)
        ?? DateAndTime(slice, DicomTag.SeriesDate, DicomTag.AcquisitionTime);

    /// <summary>The GE private scan date-time, resolved through creator "GEMS_PETD_01" (element xx0D).</summary>
    public static DateTime? GeScanDateTime(DicomDataset slice) =>
        slice.ResolvePrivateTag(GeCreator, 0x0009, GeScanDateTimeElement) is { } tag ? DateTimeValue(slice, tag) : null;

    /// <summary>
    /// A Philips private DS value resolved through creator "Philips PET Private Group". When group 7053 has no
    /// creator element at all (seen in the IBSI DROs), the conventional block 10 is read and a warning recorded;
    /// when another creator holds block 10, nothing is read.
    /// </summary>
    public static double? PhilipsValue(DicomDataset slice, byte elementInBlock, out bool withoutCreator)
    {
        withoutCreator = false;
        if (slice.ResolvePrivateTag(PhilipsCreator, PhilipsGroup, elementInBlock) is { } tag)
        {
            return slice.TryGetDouble(tag, out double value) ? value : null;
        }

        for (ushort element = 0x0010; element <= 0x00FF; element++)
        {
            if (slice.Contains(new DicomTag(PhilipsGroup, element)))
            {
                return null;
            }
        }

        var conventional = new DicomTag(PhilipsGroup, (ushort)(0x1000 | elementInBlock));
        withoutCreator = slice.TryGetDouble(conventional, out double bare);
        return withoutCreator ? bare : null;
    }

    /// <summary>A positive DS value, or null when absent, empty, unparsable or not positive.</summary>
    public static double? Positive(DicomDataset dataset, DicomTag tag) =>
        dataset.TryGetDouble(tag, out double value) && value > 0 && double.IsFinite(value) ? value : null;

    /// <summary>A readable label for a slice in messages: its index and SOPInstanceUID.</summary>
    public static string Label(DicomDataset slice, int index) =>
        slice.GetString(DicomTag.SOPInstanceUID) is { Length: > 0 } uid ? $"slice {index} ({uid})" : $"slice {index}";
}
