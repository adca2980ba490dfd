using System.Buffers.Binary;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO.Buffers;

namespace PacsNode.Dicom.IO;

/// <summary>
/// Encodes a dataset in one of the uncompressed encodings (PS3.5 section 7): explicit or implicit VR, either byte
/// order, sequences and items with defined or undefined lengths, encapsulated pixel data as fragments, group
/// lengths recomputed, odd-length values padded with the VR's padding byte.
/// </summary>
internal sealed class DicomDatasetWriter(bool explicitVR, bool bigEndian, SequenceLengthEncoding lengths, bool removeGroupLengths)
{
    private const uint Undefined = 0xFFFF_FFFF;

    public void Write(DicomDataset dataset, EncodedParts output)
    {
        for (int i = 0; i < dataset.Count; i++)
        {
            DicomItem item = dataset[i];
            if (item.Tag.IsGroupLength && item is DicomElement)
            {
                if (!removeGroupLengths)
                {
                    WriteGroupLength(item.Tag, (uint)MeasureGroup(dataset, i + 1, item.Tag.Group), output);
                }

                continue;
            }

            WriteItem(item, output);
        }
    }

    /// <summary>The number of bytes <see cref="Write"/> produces for a dataset.</summary>
    public long Measure(DicomDataset dataset)
    {
        long total = 0;
        foreach (DicomItem item in dataset)
        {
            if (item.Tag.IsGroupLength && item is DicomElement)
            {
                total += removeGroupLengths ? 0 : HeaderLength(DicomVR.UL) + 4;
                continue;
            }

            total += MeasureItem(item);
        }

        return total;
    }

    private long MeasureGroup(DicomDataset dataset, int start, ushort group)
    {
        long total = 0;
        for (int i = start; i < dataset.Count && dataset[i].Tag.Group == group; i++)
        {
            total += MeasureItem(dataset[i]);
        }

        return total;
    }

    private long MeasureItem(DicomItem item)
    {
        switch (item)
        {
            case DicomElement element:
                DicomVR vr = OutputVR(element);
                return HeaderLength(vr) + Padded(element.Length);
            case DicomSequence sequence:
                bool undefined = IsUndefined(sequence.UndefinedLength);
                long content = 0;
                foreach (DicomDataset child in sequence.Items)
                {
                    content += 8 + Measure(child) + (IsUndefined(child.UndefinedLength) ? 8 : 0);
                }

                return HeaderLength(DicomVR.SQ) + content + (undefined ? 8 : 0);
            case DicomFragmentSequence fragments:
                long body = 8 + Padded(fragments.OffsetTable.Length);
                foreach (DicomBuffer fragment in fragments.Fragments)
                {
                    body += 8 + Padded(fragment.Length);
                }

                return HeaderLength(fragments.VR) + body + 8;
            default:
                throw new InvalidOperationException($"Unknown dataset entry type {item.GetType().Name}.");
        }
    }

    private void WriteItem(DicomItem item, EncodedParts output)
    {
        switch (item)
        {
            case DicomElement element:
                WriteElement(element, output);
                break;
            case DicomSequence sequence:
                WriteSequence(sequence, output);
                break;
            case DicomFragmentSequence fragments:
                WriteFragments(fragments, output);
                break;
            default:
                throw new InvalidOperationException($"Unknown dataset entry type {item.GetType().Name}.");
        }
    }

    private void WriteElement(DicomElement element, EncodedParts output)
    {
        DicomVR vr = OutputVR(element);
        long length = element.Length;
        long padded = Padded(length);
        WriteHeader(element.Tag, vr, (uint)padded, output);
        int size = element.VR.ValueSize();
        if (bigEndian && size > 1 && length > 0)
        {
            byte[] swapped = element.Buffer.Memory.ToArray();
            ByteSwap.InPlace(swapped, size);
            output.Write(swapped);
        }
        else
        {
            output.Write(element.Buffer);
        }

        if (padded != length)
        {
            output.WriteByte(element.VR.PaddingByte(), 1);
        }
    }

    private void WriteSequence(DicomSequence sequence, EncodedParts output)
    {
        bool undefined = IsUndefined(sequence.UndefinedLength);
        uint length = undefined ? Undefined : (uint)(MeasureItem(sequence) - HeaderLength(DicomVR.SQ));
        WriteHeader(sequence.Tag, DicomVR.SQ, length, output);
        foreach (DicomDataset child in sequence.Items)
        {
            bool itemUndefined = IsUndefined(child.UndefinedLength);
            WriteRaw(DicomTag.Item, itemUndefined ? Undefined : (uint)Measure(child), output);
            Write(child, output);
            if (itemUndefined)
            {
                WriteRaw(DicomTag.ItemDelimitationItem, 0, output);
            }
        }

        if (undefined)
        {
            WriteRaw(DicomTag.SequenceDelimitationItem, 0, output);
        }
    }

    private void WriteFragments(DicomFragmentSequence fragments, EncodedParts output)
    {
        WriteHeader(fragments.Tag, fragments.VR, Undefined, output);
        WriteFragment(fragments.OffsetTable, output);
        foreach (DicomBuffer fragment in fragments.Fragments)
        {
            WriteFragment(fragment, output);
        }

        WriteRaw(DicomTag.SequenceDelimitationItem, 0, output);
    }

    private void WriteFragment(DicomBuffer fragment, EncodedParts output)
    {
        long padded = Padded(fragment.Length);
        WriteRaw(DicomTag.Item, (uint)padded, output);
        output.Write(fragment);
        if (padded != fragment.Length)
        {
            output.WriteByte(0, 1);
        }
    }

    private void WriteGroupLength(DicomTag tag, uint value, EncodedParts output)
    {
        WriteHeader(tag, DicomVR.UL, 4, output);
        Span<byte> v = stackalloc byte[4];
        if (bigEndian)
        {
            BinaryPrimitives.WriteUInt32BigEndian(v, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(v, value);
        }

        output.Write(v);
    }

    private void WriteHeader(DicomTag tag, DicomVR vr, uint length, EncodedParts output)
    {
        Span<byte> h = stackalloc byte[12];
        WriteTag(h, tag);
        if (!explicitVR)
        {
            WriteUInt32(h[4..], length);
            output.Write(h[..8]);
            return;
        }

        h[4] = (byte)((ushort)vr >> 8);
        h[5] = (byte)vr;
        if (vr.HasLongLength())
        {
            h[6] = 0;
            h[7] = 0;
            WriteUInt32(h[8..], length);
            output.Write(h);
        }
        else
        {
            if (bigEndian)
            {
                BinaryPrimitives.WriteUInt16BigEndian(h[6..], (ushort)length);
            }
            else
            {
                BinaryPrimitives.WriteUInt16LittleEndian(h[6..], (ushort)length);
            }

            output.Write(h[..8]);
        }
    }

    /// <summary>Item and delimiter headers: a tag and a 32-bit length, never a VR (PS3.5 7.5).</summary>
    private void WriteRaw(DicomTag tag, uint length, EncodedParts output)
    {
        Span<byte> h = stackalloc byte[8];
        WriteTag(h, tag);
        WriteUInt32(h[4..], length);
        output.Write(h);
    }

    private void WriteTag(Span<byte> h, DicomTag tag)
    {
        if (bigEndian)
        {
            BinaryPrimitives.WriteUInt16BigEndian(h, tag.Group);
            BinaryPrimitives.WriteUInt16BigEndian(h[2..], tag.Element);
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(h, tag.Group);
            BinaryPrimitives.WriteUInt16LittleEndian(h[2..], tag.Element);
        }
    }

    private void WriteUInt32(Span<byte> at, uint value)
    {
        if (bigEndian)
        {
            BinaryPrimitives.WriteUInt32BigEndian(at, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(at, value);
        }
    }

    /// <summary>
    /// The VR written: a value too long for a 16-bit length field is written as UN (PS3.5 6.2.2), and an
    /// element without a known VR as UN.
    /// </summary>
    private DicomVR OutputVR(DicomElement element)
    {
        DicomVR vr = element.VR == DicomVR.None ? DicomVR.UN : element.VR;
        if (explicitVR && !vr.HasLongLength() && Padded(element.Length) > ushort.MaxValue)
        {
            return DicomVR.UN;
        }

        return vr;
    }

    private int HeaderLength(DicomVR vr) => explicitVR && vr.HasLongLength() ? 12 : 8;

    private bool IsUndefined(bool asRead) => lengths switch
    {
        SequenceLengthEncoding.Defined => false,
        SequenceLengthEncoding.Undefined => true,
        _ => asRead,
    };

    private static long Padded(long length) => length + (length & 1);
}
