using System.Buffers.Binary;

namespace PacsNode.Dicom.Imaging.Codecs.Jpeg;

/// <summary>
/// Lossless JPEG encoder, process 14 selection value 1 (the DICOM default lossless syntax .70): predictor Ra, no
/// point transform, one interleaved scan, one optimal Huffman table built from the image's own differences.
/// The precision is Bits Stored when every sample fits it, otherwise Bits Allocated, so any bit pattern survives.
/// </summary>
internal static class JpegLosslessEncoder
{
    public static byte[] Encode(ReadOnlySpan<byte> frame, PixelFormat format)
    {
        int width = format.Columns;
        int height = format.Rows;
        int components = format.SamplesPerPixel;
        int bytes = format.BytesPerSample;
        if (bytes > 2 || format.PlanarConfiguration != 0)
        {
            throw new DicomCodecException(
                $"JPEG Lossless: {format.BitsAllocated}-bit or colour-by-plane images cannot be encoded; 8 or 16 bits, colour-by-pixel only.");
        }

        int count = width * height * components;
        int[] samples = new int[count];
        int max = 0;
        for (int i = 0; i < count; i++)
        {
            samples[i] = bytes == 1 ? frame[i] : BinaryPrimitives.ReadUInt16LittleEndian(frame[(i * 2)..]);
            max = Math.Max(max, samples[i]);
        }

        int precision = format.LosslessPrecision(max);
        int[] differences = new int[count];
        long[] frequencies = new long[256];
        for (int i = 0; i < count; i++)
        {
            int pixel = i / components;
            int x = pixel % width;
            int y = pixel / width;
            int prediction = x == 0 && y == 0 ? 1 << (precision - 1)
                : y == 0 || x > 0 ? samples[i - components]
                : samples[i - (width * components)];
            int difference = (samples[i] - prediction) & 0xFFFF;
            if (difference >= 32768)
            {
                difference -= 65536;
            }

            differences[i] = difference;
            frequencies[Category(difference)]++;
        }

        (byte[] counts, byte[] values) = HuffmanTableBuilder.Build(frequencies);
        (int[] codes, int[] lengths) = HuffmanTableBuilder.Codes(counts, values);
        var output = new List<byte>(count);
        output.AddRange([0xFF, JpegMarker.Soi]);
        WriteFrameHeader(output, precision, width, height, components);
        WriteHuffmanTable(output, counts, values);
        WriteScanHeader(output, components);
        var writer = new JpegBitWriter(output);
        foreach (int difference in differences)
        {
            int category = Category(difference);
            writer.Write(codes[category], lengths[category]);
            if (category is > 0 and < 16)
            {
                int extra = difference < 0 ? difference - 1 : difference;
                writer.Write(extra & ((1 << category) - 1), category);
            }
        }

        writer.Flush();
        output.AddRange([0xFF, JpegMarker.Eoi]);
        return [.. output];
    }

    private static int Category(int difference)
    {
        if (difference == -32768 || difference == 32768)
        {
            return 16;
        }

        int magnitude = Math.Abs(difference);
        return magnitude == 0 ? 0 : 32 - System.Numerics.BitOperations.LeadingZeroCount((uint)magnitude);
    }

    private static void WriteFrameHeader(List<byte> output, int precision, int width, int height, int components)
    {
        output.AddRange([0xFF, JpegMarker.Sof3]);
        U16(output, 8 + (3 * components));
        output.Add((byte)precision);
        U16(output, height);
        U16(output, width);
        output.Add((byte)components);
        for (int c = 0; c < components; c++)
        {
            output.AddRange([(byte)(c + 1), 0x11, 0]);
        }
    }

    private static void WriteHuffmanTable(List<byte> output, byte[] counts, byte[] values)
    {
        output.AddRange([0xFF, JpegMarker.Dht]);
        U16(output, 2 + 1 + 16 + values.Length);
        output.Add(0x00);
        output.AddRange(counts);
        output.AddRange(values);
    }

    private static void WriteScanHeader(List<byte> output, int components)
    {
        output.AddRange([0xFF, JpegMarker.Sos]);
        U16(output, 6 + (2 * components));
        output.Add((byte)components);
        for (int c = 0; c < components; c++)
        {
            output.AddRange([(byte)(c + 1), 0x00]);
        }

        output.AddRange([1, 0, 0]); // predictor 1 (selection value 1), Se 0, Ah/Al 0
    }

    private static void U16(List<byte> output, int value)
    {
        output.Add((byte)(value >> 8));
        output.Add((byte)value);
    }
}
