namespace PacsNode.StructuredReport.Segmentation;

/// <summary>One frame of a binary SEG: a segment on one slice, with the in-plane voxel offsets (y·Columns + x) that are set.</summary>
internal sealed record SegmentationFrame(int SegmentNumber, int Slice, int[] PlaneOffsets)
{
    /// <summary>Frames by segment (in input order), then slice ascending; an empty segment gets one empty frame on slice 0.</summary>
    public static List<SegmentationFrame> Plan(IReadOnlyList<SegmentDefinition> segments, SegmentationGeometry geometry)
    {
        int plane = geometry.Rows * geometry.Columns;
        var frames = new List<SegmentationFrame>();
        foreach (SegmentDefinition segment in segments)
        {
            if (segment.Voxels.Count == 0)
            {
                frames.Add(new SegmentationFrame(segment.Number, 0, []));
                continue;
            }

            foreach (IGrouping<int, int> slice in segment.Voxels.Distinct().Order().GroupBy(v => v / plane))
            {
                frames.Add(new SegmentationFrame(segment.Number, slice.Key, [.. slice.Select(v => v % plane)]));
            }
        }

        return frames;
    }

    /// <summary>PS3.5 8.1.1: bits of consecutive frames packed little-endian-bitwise with no padding, the whole padded to even length.</summary>
    public static byte[] Pack(List<SegmentationFrame> frames, SegmentationGeometry geometry)
    {
        long plane = (long)geometry.Rows * geometry.Columns;
        long bytes = ((frames.Count * plane) + 7) / 8;
        byte[] pixels = new byte[checked((int)(bytes + (bytes & 1)))];
        for (int f = 0; f < frames.Count; f++)
        {
            long start = f * plane;
            foreach (int offset in frames[f].PlaneOffsets)
            {
                long bit = start + offset;
                pixels[bit >> 3] |= (byte)(1 << (int)(bit & 7));
            }
        }

        return pixels;
    }
}
