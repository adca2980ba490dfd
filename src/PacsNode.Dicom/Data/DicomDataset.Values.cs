using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using PacsNode.Dicom.Data.Values;
using PacsNode.Dicom.Dictionary;

namespace PacsNode.Dicom.Data;

/// <summary>
/// Typed access to element values, parsed on demand from the held bytes: DS and IS tolerate real-world padding,
/// DA/TM/DT keep their partial precision, binary VRs read little-endian (the form every element holds).
/// Each Try method returns false when the element is absent, empty or the value does not parse.
/// </summary>
public sealed partial class DicomDataset
{
    /// <summary>The value at <paramref name="index"/> of a DS element (or of any string holding a decimal).</summary>
    public bool TryGetDouble(DicomTag tag, out double value, int index = 0)
    {
        value = 0;
        if (Get(tag) is DicomElement { VR: DicomVR.FD or DicomVR.FL } binary)
        {
            return TryGetBinary(binary, index, out value);
        }

        IReadOnlyList<string> values = GetStrings(tag);
        return index < values.Count && DicomDecimalString.TryParse(values[index], out value);
    }

    /// <summary>All values of a DS element; null when any of them does not parse (never a silent zero).</summary>
    public double[]? GetDoubles(DicomTag tag)
    {
        IReadOnlyList<string> values = GetStrings(tag);
        double[] result = new double[values.Count];
        for (int i = 0; i < values.Count; i++)
        {
            if (!DicomDecimalString.TryParse(values[i], out result[i]))
            {
                return null;
            }
        }

        return result;
    }

    /// <summary>An integer value: IS text, or US, SS, UL, SL binary.</summary>
    public bool TryGetInt64(DicomTag tag, out long value, int index = 0)
    {
        value = 0;
        if (Get(tag) is not DicomElement element || element.IsEmpty)
        {
            return false;
        }

        int size = element.VR.ValueSize();
        ReadOnlySpan<byte> bytes = element.Buffer.IsInMemory ? element.Buffer.Span : default;
        if (size > 0 && (index + 1) * size > bytes.Length)
        {
            return false;
        }

        switch (element.VR)
        {
            case DicomVR.US:
                value = BinaryPrimitives.ReadUInt16LittleEndian(bytes[(index * 2)..]);
                return true;
            case DicomVR.SS:
                value = BinaryPrimitives.ReadInt16LittleEndian(bytes[(index * 2)..]);
                return true;
            case DicomVR.UL:
                value = BinaryPrimitives.ReadUInt32LittleEndian(bytes[(index * 4)..]);
                return true;
            case DicomVR.SL:
                value = BinaryPrimitives.ReadInt32LittleEndian(bytes[(index * 4)..]);
                return true;
            case DicomVR.SV:
                value = BinaryPrimitives.ReadInt64LittleEndian(bytes[(index * 8)..]);
                return true;
            default:
                IReadOnlyList<string> values = GetStrings(tag);
                return index < values.Count && DicomIntegerString.TryParse(values[index], out value);
        }
    }

    public bool TryGetInt32(DicomTag tag, out int value, int index = 0)
    {
        bool ok = TryGetInt64(tag, out long wide, index) && wide is >= int.MinValue and <= int.MaxValue;
        value = ok ? (int)wide : 0;
        return ok;
    }

    public bool TryGetDate(DicomTag tag, out DicomDate value) =>
        DicomDate.TryParse(GetString(tag) ?? string.Empty, out value);

    public bool TryGetTime(DicomTag tag, out DicomTime value) =>
        DicomTime.TryParse(GetString(tag) ?? string.Empty, out value);

    public bool TryGetDateTime(DicomTag tag, out DicomDateTime value) =>
        DicomDateTime.TryParse(GetString(tag) ?? string.Empty, out value);

    public bool TryGetPersonName(DicomTag tag, [NotNullWhen(true)] out DicomPersonName? value)
    {
        value = null;
        string? text = GetString(tag);
        return text is not null && DicomPersonName.TryParse(text, out value);
    }

    /// <summary>The sequence with this tag, or null.</summary>
    public DicomSequence? GetSequence(DicomTag tag) => Get(tag) as DicomSequence;

    private static bool TryGetBinary(DicomElement element, int index, out double value)
    {
        value = 0;
        if (!element.Buffer.IsInMemory)
        {
            return false;
        }

        ReadOnlySpan<byte> bytes = element.Buffer.Span;
        int size = element.VR == DicomVR.FD ? 8 : 4;
        if ((index + 1) * size > bytes.Length)
        {
            return false;
        }

        value = size == 8
            ? BinaryPrimitives.ReadDoubleLittleEndian(bytes[(index * 8)..])
            : BinaryPrimitives.ReadSingleLittleEndian(bytes[(index * 4)..]);
        return true;
    }
}
