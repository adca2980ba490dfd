using System.Buffers.Binary;
using PacsNode.Dicom.IO;

namespace PacsNode.Dicom.Imaging.Codecs;

/// <summary>
/// RLE Lossless (PS3.5 annex G): a 64-byte header with up to 15 segment offsets, one segment per byte plane of each
/// sample (most significant byte first), each segment PackBits-coded row by row.
/// </summary>
public sealed class RleCodec : IDicomCodec
{
    private const int HeaderLength = 64;
    private const int MaxSegments = 15;

    public DicomTransferSyntax TransferSyntax => DicomTransferSyntax.RleLossless;

    public void Decode(ReadOnlySpan<byte> compressed, PixelFormat format, Span<byte> output)
    {
        ArgumentNullException.ThrowIfNull(format);
        int bytes = format.BytesPerSample;
        int expected = format.SamplesPerPixel * bytes;
        int pixels = format.Rows * format.Columns;
        if (output.Length < format.FrameLength)
        {
            throw new ArgumentException("The output is shorter than one frame.", nameof(output));
        }

        if (compressed.Length < HeaderLength)
        {
            throw new DicomCodecException($"RLE: the frame has {compressed.Length} bytes, fewer than the 64-byte header.");
        }

        uint segments = BinaryPrimitives.ReadUInt32LittleEndian(compressed);
        if (segments != expected)
        {
            throw new DicomCodecException(
                $"RLE: the header announces {segments} segments, but {format.SamplesPerPixel} samples of {format.BitsAllocated} bits need {expected}.");
        }

        Span<byte> plane = pixels <= 1 << 16 ? stackalloc byte[pixels] : new byte[pixels];
        for (int segment = 0; segment < expected; segment++)
        {
            uint start = BinaryPrimitives.ReadUInt32LittleEndian(compressed[(4 + (segment * 4))..]);
            uint end = segment + 1 < expected
                ? BinaryPrimitives.ReadUInt32LittleEndian(compressed[(8 + (segment * 4))..])
                : (uint)compressed.Length;
            if (start < HeaderLength || start > end || end > compressed.Length)
            {
                throw new DicomCodecException($"RLE: segment {segment + 1} spans bytes {start}..{end} of a {compressed.Length}-byte frame.");
            }

            DecodeSegment(compressed[(int)start..(int)end], plane, segment + 1);
            int sample = segment / bytes;
            int byteInSample = bytes - 1 - (segment % bytes);
            Scatter(plane, output, format, sample, byteInSample);
        }
    }

    public byte[] Encode(ReadOnlySpan<byte> frame, PixelFormat format)
    {
        ArgumentNullException.ThrowIfNull(format);
        int bytes = format.BytesPerSample;
        int segments = format.SamplesPerPixel * bytes;
        if (segments > MaxSegments)
        {
            throw new DicomCodecException($"RLE: {segments} byte planes exceed the 15 segments the header can hold.");
        }

        if (frame.Length < format.FrameLength)
        {
            throw new DicomCodecException($"RLE: the frame has {frame.Length} bytes, {format.FrameLength} expected.");
        }

        int pixels = format.Rows * format.Columns;
        byte[] plane = new byte[pixels];
        var output = new List<byte>(frame.Length / 2 + HeaderLength);
        output.AddRange(new byte[HeaderLength]);
        Span<byte> header = stackalloc byte[HeaderLength];
        BinaryPrimitives.WriteUInt32LittleEndian(header, (uint)segments);
        for (int segment = 0; segment < segments; segment++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(header[(4 + (segment * 4))..], (uint)output.Count);
            Gather(frame, plane, format, segment / bytes, bytes - 1 - (segment % bytes));
            for (int row = 0; row < format.Rows; row++)
            {
                PackBits.Encode(plane.AsSpan(row * format.Columns, format.Columns), output);
            }

            if ((output.Count & 1) == 1)
            {
                output.Add(0);
            }
        }

        byte[] result = [.. output];
        header.CopyTo(result);
        return result;
    }

    private static void DecodeSegment(ReadOnlySpan<byte> segment, Span<byte> plane, int number)
    {
        int written = PackBits.Decode(segment, plane);
        if (written < plane.Length)
        {
            throw new DicomCodecException($"RLE: segment {number} decodes to {written} bytes, {plane.Length} expected.");
        }
    }

    /// <summary>Copies one byte plane of one sample into native little-endian pixels.</summary>
    private static void Scatter(ReadOnlySpan<byte> plane, Span<byte> output, PixelFormat format, int sample, int byteInSample)
    {
        int bytes = format.BytesPerSample;
        int samples = format.SamplesPerPixel;
        int pixels = plane.Length;
        if (format.PlanarConfiguration == 1)
        {
            int baseOffset = sample * pixels * bytes;
            for (int p = 0; p < pixels; p++)
            {
                output[baseOffset + (p * bytes) + byteInSample] = plane[p];
            }

            return;
        }

        int stride = samples * bytes;
        int offset = (sample * bytes) + byteInSample;
        for (int p = 0; p < pixels; p++)
        {
            output[(p * stride) + offset] = plane[p];
        }
    }

    private static void Gather(ReadOnlySpan<byte> frame, Span<byte> plane, PixelFormat format, int sample, int byteInSample)
    {
        int bytes = format.BytesPerSample;
        int pixels = plane.Length;
        if (format.PlanarConfiguration == 1)
        {
            int baseOffset = sample * pixels * bytes;
            for (int p = 0; p < pixels; p++)
            {
                plane[p] = frame[baseOffset + (p * bytes) + byteInSample];
            }

            return;
        }

        int stride = format.SamplesPerPixel * bytes;
        int offset = (sample * bytes) + byteInSample;
        for (int p = 0; p < pixels; p++)
        {
            plane[p] = frame[(p * stride) + offset];
        }
    }
}
