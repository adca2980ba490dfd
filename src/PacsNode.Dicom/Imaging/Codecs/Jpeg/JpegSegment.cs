using System.Buffers.Binary;

namespace PacsNode.Dicom.Imaging.Codecs.Jpeg;

/// <summary>Marker segments (T.81 B.1.1.4, T.87 C.1.1): a 16-bit big-endian length that counts itself, then the body.</summary>
internal static class JpegSegment
{
    /// <summary>The body of the segment at <paramref name="at"/>, which moves past it; <paramref name="codec"/> names errors.</summary>
    public static ReadOnlySpan<byte> Read(ReadOnlySpan<byte> data, ref int at, string codec)
    {
        if (at + 2 > data.Length)
        {
            throw new DicomCodecException($"{codec}: a marker segment is truncated.");
        }

        int length = BinaryPrimitives.ReadUInt16BigEndian(data[at..]);
        if (length < 2 || at + length > data.Length)
        {
            throw new DicomCodecException($"{codec}: a marker segment of {length} bytes runs past the end of the data.");
        }

        ReadOnlySpan<byte> segment = data.Slice(at + 2, length - 2);
        at += length;
        return segment;
    }
}
