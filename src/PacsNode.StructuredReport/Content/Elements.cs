using System.Buffers.Binary;
using System.Globalization;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Data.Values;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO.Buffers;

namespace PacsNode.StructuredReport.Content;

/// <summary>Small helpers to put typed values into datasets (binary values little-endian, text invariant).</summary>
internal static class Elements
{
    /// <summary>A new sequence item whose text inherits the parent's Specific Character Set.</summary>
    public static DicomDataset Item(DicomDataset parent) => new() { Parent = parent };

    public static void Sequence(DicomDataset target, DicomTag tag, IEnumerable<DicomDataset> items) =>
        target.AddOrUpdate(new DicomSequence(tag, items));

    public static void EmptySequence(DicomDataset target, DicomTag tag) => target.AddOrUpdate(new DicomSequence(tag));

    public static void UnsignedShort(DicomDataset target, DicomTag tag, int value)
    {
        byte[] bytes = new byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, checked((ushort)value));
        target.AddOrUpdate(new DicomElement(tag, DicomVR.US, DicomBuffer.FromBytes(bytes)));
    }

    public static void UnsignedLongs(DicomDataset target, DicomTag tag, IReadOnlyList<int> values)
    {
        byte[] bytes = new byte[4 * values.Count];
        for (int i = 0; i < values.Count; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4 * i), checked((uint)values[i]));
        }

        target.AddOrUpdate(new DicomElement(tag, DicomVR.UL, DicomBuffer.FromBytes(bytes)));
    }

    public static void Double(DicomDataset target, DicomTag tag, double value)
    {
        byte[] bytes = new byte[8];
        BinaryPrimitives.WriteDoubleLittleEndian(bytes, value);
        target.AddOrUpdate(new DicomElement(tag, DicomVR.FD, DicomBuffer.FromBytes(bytes)));
    }

    /// <summary>An attribute tag value (VR AT): group then element, each little-endian.</summary>
    public static void AttributeTag(DicomDataset target, DicomTag tag, DicomTag value)
    {
        byte[] bytes = new byte[4];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, value.Group);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(2), value.Element);
        target.AddOrUpdate(new DicomElement(tag, DicomVR.AT, DicomBuffer.FromBytes(bytes)));
    }

    public static void Integer(DicomDataset target, DicomTag tag, int value) =>
        target.SetString(tag, DicomVR.IS, value.ToString(CultureInfo.InvariantCulture));

    public static void Decimal(DicomDataset target, DicomTag tag, double value) =>
        target.SetString(tag, DicomVR.DS, DicomDecimalString.Format(value));

    public static void Decimals(DicomDataset target, DicomTag tag, IEnumerable<double> values) =>
        target.SetString(tag, DicomVR.DS, string.Join('\\', values.Select(DicomDecimalString.Format)));

    /// <summary>DA and TM text of a local date-time (no zone).</summary>
    public static (string Date, string Time) DateAndTime(DateTime value) =>
        (value.ToString("yyyyMMdd", CultureInfo.InvariantCulture), value.ToString("HHmmss", CultureInfo.InvariantCulture));

    /// <summary>DT text without offset, to the second.</summary>
    public static string DateTimeText(DateTime value) => value.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);

    /// <summary>Timezone Offset From UTC (0008,0201) text: "+HHMM" or "-HHMM".</summary>
    public static string OffsetText(TimeSpan offset)
    {
        char sign = offset < TimeSpan.Zero ? '-' : '+';
        TimeSpan a = offset.Duration();
        return string.Create(CultureInfo.InvariantCulture, $"{sign}{a.Hours:00}{a.Minutes:00}");
    }
}
