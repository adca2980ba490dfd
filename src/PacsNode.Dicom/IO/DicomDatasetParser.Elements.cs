using System.Buffers;
using System.Buffers.Binary;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO.Buffers;

namespace PacsNode.Dicom.IO;

/// <summary>Element, item and fragment headers (PS3.5 sections 7.1, 7.5 and A.4).</summary>
internal sealed partial class DicomDatasetParser
{
    private static readonly DicomTag PixelData = new(0x7FE0, 0x0010);

    private Step ParseElement(ref SequenceReader<byte> reader, Frame frame, long pos, long dataEnd)
    {
        if (reader.Remaining < 8)
        {
            return Step.NeedMore;
        }

        Span<byte> header = stackalloc byte[12];
        reader.TryCopyTo(header[..8]);

        bool big = frame.BigEndian;
        var tag = new DicomTag(ReadUInt16(header, 0, big), ReadUInt16(header, 2, big));
        if (tag.Group == 0xFFFE)
        {
            return Delimiter(ref reader, frame, tag, ReadUInt32(header, 4, big), pos);
        }

        if (_frames.Count == 1 && _options.StopAtTag is { } stopAt && tag >= stopAt)
        {
            return Step.Stop;
        }

        DicomDataset dataset = frame.Dataset!;
        DicomVR vr;
        uint length;
        int headerLength;
        if (frame.ExplicitVR)
        {
            if (DicomVRInfo.TryParse(header[4], header[5], out vr))
            {
                if (vr.HasLongLength())
                {
                    if (reader.Remaining < 12)
                    {
                        return Step.NeedMore;
                    }

                    reader.TryCopyTo(header);
                    length = ReadUInt32(header, 8, big);
                    headerLength = 12;
                }
                else
                {
                    length = ReadUInt16(header, 6, big);
                    headerLength = 8;
                }
            }
            else if (header[4] is >= (byte)'A' and <= (byte)'Z' && header[5] is >= (byte)'A' and <= (byte)'Z')
            {
                // A VR the standard does not define: treated as UN with a 32-bit length, as DCMTK does.
                if (reader.Remaining < 12)
                {
                    return Step.NeedMore;
                }

                reader.TryCopyTo(header);
                _warnings.Add($"Non-standard VR '{(char)header[4]}{(char)header[5]}' in {tag} read as UN.");
                vr = DicomVR.UN;
                length = ReadUInt32(header, 8, big);
                headerLength = 12;
            }
            else
            {
                throw Error(DicomParseError.InvalidVR, pos + 4, tag,
                    $"the bytes 0x{header[4]:X2} 0x{header[5]:X2} are not a value representation");
            }
        }
        else
        {
            length = ReadUInt32(header, 4, big);
            headerLength = 8;
            vr = ImplicitVR(dataset, tag, length);
        }

        long valueStart = pos + headerLength;
        if (vr == DicomVR.SQ || (length == UndefinedLength && vr == DicomVR.UN))
        {
            bool asUnknown = vr == DicomVR.UN;
            if (length != UndefinedLength)
            {
                CheckBounds(valueStart, length, dataEnd, tag);
            }

            reader.Advance(headerLength);
            var sequence = new DicomSequence(tag) { UndefinedLength = length == UndefinedLength, ReadAsUnknown = asUnknown };
            AddItem(dataset, sequence);
            long end = length == UndefinedLength ? -1 : valueStart + length;
            Push(new Frame(FrameKind.Sequence, end, frame.ExplicitVR && !asUnknown, big && !asUnknown, tag, dataset, sequence, null), pos);
            return Step.Progress;
        }

        if (length == UndefinedLength)
        {
            if (tag != PixelData)
            {
                throw Error(DicomParseError.UndefinedLengthNotAllowed, pos, tag,
                    $"an undefined length is only allowed for sequences and encapsulated pixel data, not {vr.ToCode()}");
            }

            reader.Advance(headerLength);
            var fragments = new DicomFragmentSequence(tag, vr == DicomVR.OW ? DicomVR.OW : DicomVR.OB);
            AddItem(dataset, fragments);
            Push(new Frame(FrameKind.Fragments, -1, frame.ExplicitVR, big, tag, dataset, null, fragments), pos);
            return Step.Progress;
        }

        CheckBounds(valueStart, length, dataEnd, tag);
        Step step = ReadValue(ref reader, headerLength, length, valueStart, vr, big, tag, out DicomBuffer buffer);
        if (step == Step.NeedMore)
        {
            return step;
        }

        AddItem(dataset, new DicomElement(tag, vr, buffer));
        return step;
    }

    private Step ParseItem(ref SequenceReader<byte> reader, Frame frame, long pos, long dataEnd)
    {
        bool big = frame.BigEndian;
        if (!TryPeekItemHeader(ref reader, big, out DicomTag tag, out uint length))
        {
            return Step.NeedMore;
        }

        if (tag == DicomTag.Item)
        {
            if (length != UndefinedLength)
            {
                CheckBounds(pos + 8, length, dataEnd, frame.Tag);
            }

            reader.Advance(8);
            var item = new DicomDataset { Parent = frame.Dataset, UndefinedLength = length == UndefinedLength };
            frame.Sequence!.Items.Add(item);
            long end = length == UndefinedLength ? -1 : pos + 8 + length;
            Push(Frame.ForDataset(item, end, frame.ExplicitVR, big), pos);
            return Step.Progress;
        }

        if (tag == DicomTag.SequenceDelimitationItem)
        {
            reader.Advance(8);
            if (frame.End < 0)
            {
                Pop();
            }
            else
            {
                _warnings.Add($"Sequence delimiter inside the defined-length sequence {frame.Tag} ignored.");
            }

            return Step.Progress;
        }

        if (tag == DicomTag.ItemDelimitationItem)
        {
            reader.Advance(8);
            _warnings.Add($"Item delimiter outside an item in sequence {frame.Tag} ignored.");
            return Step.Progress;
        }

        throw Error(DicomParseError.InvalidItemTag, pos, frame.Tag,
            $"expected an item or sequence delimiter in the sequence but found {tag}");
    }

    private Step ParseFragment(ref SequenceReader<byte> reader, Frame frame, long pos, long dataEnd)
    {
        bool big = frame.BigEndian;
        if (!TryPeekItemHeader(ref reader, big, out DicomTag tag, out uint length))
        {
            return Step.NeedMore;
        }

        if (tag == DicomTag.SequenceDelimitationItem)
        {
            reader.Advance(8);
            Pop();
            return Step.Progress;
        }

        if (tag != DicomTag.Item)
        {
            throw Error(DicomParseError.InvalidFragment, pos, frame.Tag,
                $"expected a fragment item or sequence delimiter in encapsulated pixel data but found {tag}");
        }

        if (length == UndefinedLength)
        {
            throw Error(DicomParseError.InvalidFragment, pos, frame.Tag, "a pixel data fragment has an undefined length");
        }

        CheckBounds(pos + 8, length, dataEnd, frame.Tag);
        DicomFragmentSequence fragments = frame.Fragments!;
        bool isOffsetTable = !frame.OffsetTableRead;
        Step step = ReadValue(ref reader, 8, length, pos + 8, DicomVR.OB, big,
            frame.Tag, out DicomBuffer buffer, allowFileBacked: !isOffsetTable);
        if (step == Step.NeedMore)
        {
            return step;
        }

        if (isOffsetTable)
        {
            _frames[^1] = frame with { OffsetTableRead = true };
            fragments.OffsetTable = big ? Swap(buffer, DicomVR.UL) : buffer;
        }
        else
        {
            fragments.Fragments.Add(buffer);
        }

        return step;
    }

    /// <summary>Item and sequence delimiters met where a data element was expected.</summary>
    private Step Delimiter(ref SequenceReader<byte> reader, Frame frame, DicomTag tag, uint length, long pos)
    {
        bool inUndefinedItem = _frames.Count > 1 && frame.End < 0;
        if (tag == DicomTag.ItemDelimitationItem && inUndefinedItem)
        {
            reader.Advance(8);
            Pop();
            return Step.Progress;
        }

        if (tag == DicomTag.SequenceDelimitationItem && inUndefinedItem && _frames[^2].End < 0)
        {
            // The item was not closed before its sequence ended: close it and let the sequence take the delimiter.
            _warnings.Add($"Missing item delimiter before the end of sequence {_frames[^2].Tag}.");
            Pop();
            return Step.Progress;
        }

        if (tag is { Element: 0xE00D or 0xE0DD } && length == 0)
        {
            reader.Advance(8);
            _warnings.Add($"Stray delimiter {tag} at offset {pos} ignored.");
            return Step.Progress;
        }

        throw Error(DicomParseError.UnexpectedDelimiter, pos, tag,
            "an item or delimiter tag appears where a data element was expected");
    }

    /// <summary>Reads (or leaves in the file) a defined-length value after its header.</summary>
    private Step ReadValue(
        ref SequenceReader<byte> reader, int headerLength, uint length, long valueStart, DicomVR vr, bool big,
        DicomTag tag, out DicomBuffer buffer, bool allowFileBacked = true)
    {
        bool swap = big && vr.ValueSize() > 1;
        if (allowFileBacked && !swap && BulkDataFactory is { } factory && _options.FileBackedThreshold is { } threshold &&
            length >= threshold && factory(valueStart, length) is { } fileBuffer)
        {
            reader.Advance(headerLength);
            long available = Math.Min(length, reader.Remaining);
            reader.Advance(available);
            _skip = length - available;
            buffer = fileBuffer;
            return _skip > 0 ? Step.Skip : Step.Progress;
        }

        if (reader.Remaining < headerLength + (long)length)
        {
            buffer = DicomBuffer.Empty;
            return Step.NeedMore;
        }

        reader.Advance(headerLength);
        ReadOnlySequence<byte> value = reader.Sequence.Slice(reader.Position, length);
        reader.Advance(length);
        buffer = DicomBuffer.FromSequence(value);
        if (swap)
        {
            buffer = Swap(buffer, vr);
        }

        if ((length & 1) != 0)
        {
            _warnings.Add($"Odd value length {length} in {tag}.");
        }

        return Step.Progress;
    }

    private void AddItem(DicomDataset dataset, DicomItem item)
    {
        if (!dataset.TryAdd(item))
        {
            _warnings.Add($"Element {item.Tag} found twice in one dataset or item; the second one is ignored.");
        }
    }

    /// <summary>Big-endian binary values become little-endian, the form every element holds.</summary>
    private static DicomBuffer Swap(DicomBuffer buffer, DicomVR vr)
    {
        int size = vr.ValueSize();
        byte[] bytes = buffer.Memory.ToArray();
        ByteSwap.InPlace(bytes, size);
        return DicomBuffer.FromBytes(bytes);
    }

    /// <summary>Reads an item or delimiter header (tag and 32-bit length, PS3.5 7.5) without consuming it.</summary>
    private static bool TryPeekItemHeader(ref SequenceReader<byte> reader, bool big, out DicomTag tag, out uint length)
    {
        Span<byte> header = stackalloc byte[8];
        if (!reader.TryCopyTo(header))
        {
            tag = default;
            length = 0;
            return false;
        }

        tag = new DicomTag(ReadUInt16(header, 0, big), ReadUInt16(header, 2, big));
        length = ReadUInt32(header, 4, big);
        return true;
    }

    private static ushort ReadUInt16(ReadOnlySpan<byte> bytes, int at, bool big) => big
        ? BinaryPrimitives.ReadUInt16BigEndian(bytes[at..])
        : BinaryPrimitives.ReadUInt16LittleEndian(bytes[at..]);

    private static uint ReadUInt32(ReadOnlySpan<byte> bytes, int at, bool big) => big
        ? BinaryPrimitives.ReadUInt32BigEndian(bytes[at..])
        : BinaryPrimitives.ReadUInt32LittleEndian(bytes[at..]);
}
