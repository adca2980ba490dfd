using System.Buffers.Binary;

namespace PacsNode.Dicom.Imaging.Codecs.Jpeg;

/// <summary>
/// Lossless JPEG, process 14 (ITU-T T.81 annex H): Huffman-coded differences from one of seven predictors, with
/// point transform, 2 to 16 bits, one or more interleaved components and restart intervals.
/// </summary>
internal static class JpegLosslessDecoder
{
    private const int MaxComponents = 4;

    /// <summary>Decodes a whole image into native little-endian samples (component-interleaved).</summary>
    public static void Decode(ReadOnlySpan<byte> data, PixelFormat format, Span<byte> output)
    {
        var tables = new HuffmanDecodingTable?[4];
        Frame? frame = null;
        int restartInterval = 0;
        int at = 0;
        if (data.Length < 4 || data[0] != 0xFF || data[1] != JpegMarker.Soi)
        {
            throw new DicomCodecException("JPEG Lossless: the frame does not start with an SOI marker.");
        }

        at = 2;
        while (true)
        {
            byte marker = NextMarker(data, ref at);
            switch (marker)
            {
                case JpegMarker.Sof3:
                    frame = ReadFrame(JpegSegment.Read(data, ref at, "JPEG Lossless"));
                    break;
                case JpegMarker.Dht:
                    ReadHuffmanTables(JpegSegment.Read(data, ref at, "JPEG Lossless"), tables);
                    break;
                case JpegMarker.Dri:
                    ReadOnlySpan<byte> dri = JpegSegment.Read(data, ref at, "JPEG Lossless");
                    restartInterval = dri.Length >= 2 ? BinaryPrimitives.ReadUInt16BigEndian(dri) : 0;
                    break;
                case JpegMarker.Sos:
                    if (frame is null)
                    {
                        throw new DicomCodecException("JPEG Lossless: a scan starts before the frame header (SOF3).");
                    }

                    Scan scan = ReadScan(JpegSegment.Read(data, ref at, "JPEG Lossless"), frame, tables);
                    CheckFormat(frame, format);
                    at = DecodeScan(data, at, frame, scan, restartInterval, format, output);
                    return;
                case JpegMarker.Eoi:
                    throw new DicomCodecException("JPEG Lossless: the image ended before any scan.");
                case >= JpegMarker.Sof0 and <= 0xCF when marker is not (JpegMarker.Dht or 0xC8 or 0xCC):
                    throw new DicomCodecException($"JPEG Lossless: SOF marker 0x{marker:X2} is not process 14 (SOF3).");
                default:
                    JpegSegment.Read(data, ref at, "JPEG Lossless"); // APPn, COM, DQT, …: skipped.
                    break;
            }
        }
    }

    private static int DecodeScan(
        ReadOnlySpan<byte> data, int at, Frame frame, Scan scan, int restartInterval, PixelFormat format, Span<byte> output)
    {
        int width = frame.Width;
        int height = frame.Height;
        int components = frame.Components;
        int precision = frame.Precision;
        int pt = scan.PointTransform;
        int mask = (1 << precision) - 1;
        int bytes = format.BytesPerSample;
        var reader = new JpegBitReader(data, at);
        int[] previousRow = new int[width * components];
        int[] currentRow = new int[width * components];
        int mcusLeft = restartInterval;
        bool firstLineOfInterval = true;
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                if (restartInterval > 0 && mcusLeft == 0)
                {
                    reader.Restart();
                    mcusLeft = restartInterval;
                    firstLineOfInterval = true;
                }

                bool firstOfInterval = restartInterval > 0 && mcusLeft == restartInterval;
                for (int c = 0; c < components; c++)
                {
                    int index = (x * components) + c;
                    int prediction;
                    if ((y == 0 && x == 0) || firstOfInterval)
                    {
                        prediction = 1 << (precision - pt - 1);
                    }
                    else if (y == 0 || firstLineOfInterval)
                    {
                        prediction = currentRow[index - components];
                    }
                    else if (x == 0)
                    {
                        prediction = previousRow[index];
                    }
                    else
                    {
                        int ra = currentRow[index - components];
                        int rb = previousRow[index];
                        int rc = previousRow[index - components];
                        prediction = scan.Predictor switch
                        {
                            1 => ra,
                            2 => rb,
                            3 => rc,
                            4 => ra + rb - rc,
                            5 => ra + ((rb - rc) >> 1),
                            6 => rb + ((ra - rc) >> 1),
                            _ => (ra + rb) >> 1,
                        };
                    }

                    int difference = reader.DecodeDifference(scan.Tables[c]);
                    currentRow[index] = (prediction + difference) & 0xFFFF & (mask >> pt);
                    int sample = (currentRow[index] << pt) & mask;
                    int offset = ((y * width * components) + index) * bytes;
                    if (bytes == 1)
                    {
                        output[offset] = (byte)sample;
                    }
                    else
                    {
                        BinaryPrimitives.WriteUInt16LittleEndian(output[offset..], (ushort)sample);
                    }
                }

                if (restartInterval > 0)
                {
                    mcusLeft--;
                }

                if (firstLineOfInterval && x == width - 1)
                {
                    firstLineOfInterval = false;
                }
            }

            (previousRow, currentRow) = (currentRow, previousRow);
        }

        return reader.Position;
    }

    private static void CheckFormat(Frame frame, PixelFormat format)
    {
        if (frame.Width != format.Columns || frame.Height != format.Rows || frame.Components != format.SamplesPerPixel)
        {
            throw new DicomCodecException(
                $"JPEG Lossless: the bitstream is {frame.Width}×{frame.Height}×{frame.Components} but the dataset says " +
                $"{format.Columns}×{format.Rows}×{format.SamplesPerPixel}.");
        }

        if (frame.Precision > format.BitsAllocated)
        {
            throw new DicomCodecException(
                $"JPEG Lossless: {frame.Precision}-bit samples do not fit Bits Allocated {format.BitsAllocated}.");
        }
    }

    private static Frame ReadFrame(ReadOnlySpan<byte> s)
    {
        if (s.Length < 6)
        {
            throw new DicomCodecException("JPEG Lossless: the SOF3 segment is truncated.");
        }

        int precision = s[0];
        int height = BinaryPrimitives.ReadUInt16BigEndian(s[1..]);
        int width = BinaryPrimitives.ReadUInt16BigEndian(s[3..]);
        int components = s[5];
        if (precision is < 2 or > 16 || width == 0 || height == 0 || components is < 1 or > MaxComponents ||
            s.Length < 6 + (3 * components))
        {
            throw new DicomCodecException(
                $"JPEG Lossless: unsupported frame: {precision} bits, {width}×{height}, {components} components.");
        }

        byte[] ids = new byte[components];
        for (int c = 0; c < components; c++)
        {
            ids[c] = s[6 + (3 * c)];
            if (s[7 + (3 * c)] != 0x11)
            {
                throw new DicomCodecException("JPEG Lossless: subsampled components are not supported in lossless DICOM images.");
            }
        }

        return new Frame(precision, width, height, components, ids);
    }

    private static Scan ReadScan(ReadOnlySpan<byte> s, Frame frame, HuffmanDecodingTable?[] tables)
    {
        int count = s.Length > 0 ? s[0] : 0;
        if (count != frame.Components || s.Length < 1 + (2 * count) + 3)
        {
            throw new DicomCodecException(
                $"JPEG Lossless: the scan has {count} components; only one interleaved scan of all {frame.Components} is supported.");
        }

        var scanTables = new HuffmanDecodingTable[count];
        for (int c = 0; c < count; c++)
        {
            int tableId = s[2 + (2 * c)] >> 4;
            scanTables[c] = tables[tableId & 3] ??
                throw new DicomCodecException($"JPEG Lossless: the scan uses Huffman table {tableId}, which was never defined.");
        }

        int predictor = s[1 + (2 * count)];
        int pointTransform = s[3 + (2 * count)] & 0x0F;
        if (predictor is < 1 or > 7 || pointTransform >= frame.Precision)
        {
            throw new DicomCodecException($"JPEG Lossless: predictor {predictor} or point transform {pointTransform} is invalid.");
        }

        return new Scan(predictor, pointTransform, scanTables);
    }

    private static void ReadHuffmanTables(ReadOnlySpan<byte> s, HuffmanDecodingTable?[] tables)
    {
        int at = 0;
        while (at < s.Length)
        {
            if (at + 17 > s.Length)
            {
                throw new DicomCodecException("JPEG Lossless: a DHT segment is truncated.");
            }

            int id = s[at] & 0x0F;
            ReadOnlySpan<byte> counts = s.Slice(at + 1, 16);
            int total = 0;
            foreach (byte n in counts)
            {
                total += n;
            }

            if (id > 3 || at + 17 + total > s.Length || total > 256)
            {
                throw new DicomCodecException($"JPEG Lossless: Huffman table {id} is malformed.");
            }

            tables[id] = new HuffmanDecodingTable(counts, s.Slice(at + 17, total));
            at += 17 + total;
        }
    }

    private static byte NextMarker(ReadOnlySpan<byte> data, ref int at)
    {
        while (at + 1 < data.Length)
        {
            if (data[at] == 0xFF && data[at + 1] is not (0x00 or 0xFF))
            {
                byte marker = data[at + 1];
                at += 2;
                return marker;
            }

            at++;
        }

        throw new DicomCodecException("JPEG Lossless: the bitstream ended before the scan.");
    }

    private sealed record Frame(int Precision, int Width, int Height, int Components, byte[] Ids);

    private sealed record Scan(int Predictor, int PointTransform, HuffmanDecodingTable[] Tables);
}
