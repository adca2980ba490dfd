using System.Buffers.Binary;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.IO.Buffers;

namespace PacsNode.Dicom.Imaging.Codecs;

/// <summary>
/// Splits encapsulated pixel data into frames (PS3.5 A.4): one frame is all fragments; several frames follow the
/// Basic Offset Table, or one fragment each when the table is empty and the counts agree.
/// </summary>
internal static class EncapsulatedFrames
{
    public static List<byte[]> Split(DicomFragmentSequence pixels, int frames)
    {
        var fragments = pixels.Fragments.Select(f => f.Memory).ToList();
        if (frames == 1)
        {
            return [Concat(fragments)];
        }

        if (pixels.OffsetTable.Length == 0)
        {
            if (fragments.Count != frames)
            {
                throw new DicomCodecException(
                    $"{frames} frames in {fragments.Count} fragments without a Basic Offset Table cannot be told apart.");
            }

            return fragments.Select(f => f.ToArray()).ToList();
        }

        ReadOnlySpan<byte> table = pixels.OffsetTable.Span;
        if (table.Length < frames * 4)
        {
            throw new DicomCodecException($"The Basic Offset Table has {table.Length / 4} entries for {frames} frames.");
        }

        // Offsets count from the first fragment's item tag: each fragment occupies 8 header bytes plus its value.
        var starts = new List<long>();
        long position = 0;
        foreach (ReadOnlyMemory<byte> fragment in fragments)
        {
            starts.Add(position);
            position += 8 + fragment.Length;
        }

        var result = new List<byte[]>(frames);
        for (int frame = 0; frame < frames; frame++)
        {
            uint from = BinaryPrimitives.ReadUInt32LittleEndian(table[(frame * 4)..]);
            long to = frame + 1 < frames ? BinaryPrimitives.ReadUInt32LittleEndian(table[((frame + 1) * 4)..]) : position;
            var parts = fragments.Where((_, i) => starts[i] >= from && starts[i] < to).ToList();
            if (parts.Count == 0)
            {
                throw new DicomCodecException($"The Basic Offset Table entry {from} of frame {frame + 1} starts no fragment.");
            }

            result.Add(Concat(parts));
        }

        return result;
    }

    /// <summary>One fragment per frame and a Basic Offset Table pointing at each.</summary>
    public static DicomFragmentSequence Build(IReadOnlyList<byte[]> frames, Dictionary.DicomTag tag)
    {
        byte[] table = new byte[frames.Count * 4];
        uint offset = 0;
        for (int i = 0; i < frames.Count; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(table.AsSpan(i * 4), offset);
            offset += 8 + (uint)frames[i].Length;
        }

        return new DicomFragmentSequence(tag, Dictionary.DicomVR.OB,
            frames.Count > 1 ? DicomBuffer.FromBytes(table) : DicomBuffer.Empty,
            frames.Select(f => DicomBuffer.FromBytes(f)));
    }

    private static byte[] Concat(List<ReadOnlyMemory<byte>> parts)
    {
        byte[] all = new byte[parts.Sum(p => p.Length)];
        int at = 0;
        foreach (ReadOnlyMemory<byte> part in parts)
        {
            part.Span.CopyTo(all.AsSpan(at));
            at += part.Length;
        }

        return all;
    }
}
