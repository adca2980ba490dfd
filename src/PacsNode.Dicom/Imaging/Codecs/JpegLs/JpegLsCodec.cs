using System.Buffers.Binary;
using PacsNode.Dicom.Imaging.Codecs.Jpeg;
using PacsNode.Dicom.IO;

namespace PacsNode.Dicom.Imaging.Codecs.JpegLs;

/// <summary>
/// JPEG-LS (ITU-T T.87): lossless (.80) and near-lossless (.81) decoding, lossless encoding. Decodes one or more
/// components per scan in every interleave mode (0: one scan per component, 1: line-interleaved, 2: sample-interleaved);
/// encodes colour line-interleaved, as DCMTK's dcmcjpls does by default. CharLS's colour transforms (HP1-HP3, an APP8
/// "mrfx" segment), mapping tables and point transforms are refused with a clear error: DICOM images do not use them.
/// </summary>
public sealed class JpegLsCodec(DicomTransferSyntax syntax) : IDicomCodec
{
    private const byte Soi = 0xD8;
    private const byte Eoi = 0xD9;
    private const byte Sos = 0xDA;
    private const byte App8 = 0xE8;
    private const byte Sof55 = 0xF7;
    private const byte Lse = 0xF8;

    public DicomTransferSyntax TransferSyntax { get; } = syntax;

    public void Decode(ReadOnlySpan<byte> compressed, PixelFormat format, Span<byte> output)
    {
        ArgumentNullException.ThrowIfNull(format);
        if (compressed.Length < 4 || compressed[0] != 0xFF || compressed[1] != Soi)
        {
            throw new DicomCodecException("JPEG-LS: the frame does not start with an SOI marker.");
        }

        int at = 2;
        int width = 0;
        int height = 0;
        int maxValue = 0;
        int t1 = 0;
        int t2 = 0;
        int t3 = 0;
        int reset = 0;
        byte[] ids = [];
        bool[] decoded = [];
        int[][] planes = [];
        while (true)
        {
            byte marker = NextMarker(compressed, ref at);
            if (marker == Eoi)
            {
                break;
            }

            ReadOnlySpan<byte> segment = JpegSegment.Read(compressed, ref at, "JPEG-LS");
            switch (marker)
            {
                case Sof55:
                    ids = ReadFrameHeader(segment, format, out width, out height, out int precision);
                    planes = ids.Select(_ => new int[width * height]).ToArray();
                    decoded = new bool[ids.Length];
                    maxValue = (1 << precision) - 1;
                    break;
                case App8 when segment.Length >= 5 && segment[..4].SequenceEqual("mrfx"u8) && segment[4] != 0:
                    throw new DicomCodecException(
                        $"JPEG-LS: the bitstream uses CharLS colour transform HP{segment[4]} (APP8 \"mrfx\"), which is not supported.");
                case Lse:
                    if (segment.Length < 11 || segment[0] != 1)
                    {
                        throw new DicomCodecException("JPEG-LS: mapping tables (LSE other than preset parameters) are not supported.");
                    }

                    maxValue = BinaryPrimitives.ReadUInt16BigEndian(segment[1..]) is var m and > 0 ? m : maxValue;
                    t1 = BinaryPrimitives.ReadUInt16BigEndian(segment[3..]);
                    t2 = BinaryPrimitives.ReadUInt16BigEndian(segment[5..]);
                    t3 = BinaryPrimitives.ReadUInt16BigEndian(segment[7..]);
                    reset = BinaryPrimitives.ReadUInt16BigEndian(segment[9..]);
                    break;
                case Sos:
                    int[][] scan = ScanPlanes(segment, ids, decoded, planes, out int near, out int interleave);
                    var contexts = new JpegLsContexts(maxValue, near, t1, t2, t3, reset);
                    var reader = new JpegLsBitReader(compressed, at);
                    if (interleave == 2)
                    {
                        JpegLsSampleInterleavedCoder.Decode(ref reader, contexts, width, height, scan);
                    }
                    else
                    {
                        JpegLsScanCoder.Decode(ref reader, contexts, width, height, scan);
                    }

                    at = SkipToMarker(compressed, at);
                    break;
            }
        }

        if (decoded.Length == 0 || decoded.Contains(false))
        {
            throw new DicomCodecException(
                $"JPEG-LS: {decoded.Count(d => d)} of {decoded.Length} components decoded before the EOI marker.");
        }

        Interleave(planes, format, output);
    }

    public byte[] Encode(ReadOnlySpan<byte> frame, PixelFormat format) => Encode(frame, format, interleave: 1);

    /// <summary>Encodes with the given interleave mode for colour images (0, 1 or 2); one component is always mode 0.</summary>
    internal byte[] Encode(ReadOnlySpan<byte> frame, PixelFormat format, int interleave)
    {
        ArgumentNullException.ThrowIfNull(format);
        if (!string.Equals(TransferSyntax.Uid, DicomTransferSyntax.JpegLSLossless.Uid, StringComparison.Ordinal))
        {
            throw new DicomCodecException("JPEG-LS: only lossless encoding is offered; near-lossless would lose data.");
        }

        if (format.BytesPerSample > 2)
        {
            throw new DicomCodecException("JPEG-LS: the encoder takes images of 8 or 16 bits.");
        }

        int pixels = format.Rows * format.Columns;
        int components = format.SamplesPerPixel;
        interleave = components == 1 ? 0 : interleave;
        int[][] planes = Enumerable.Range(0, components).Select(_ => new int[pixels]).ToArray();
        int max = 0;
        for (int c = 0; c < components; c++)
        {
            for (int p = 0; p < pixels; p++)
            {
                int index = format.PlanarConfiguration == 1 ? (c * pixels) + p : (p * components) + c;
                int value = format.BytesPerSample == 1 ? frame[index] : BinaryPrimitives.ReadUInt16LittleEndian(frame[(index * 2)..]);
                planes[c][p] = value;
                max = Math.Max(max, value);
            }
        }

        int precision = format.LosslessPrecision(max);
        var output = new List<byte>(pixels * components);
        output.AddRange([0xFF, Soi, 0xFF, Sof55, 0, (byte)(8 + (3 * components)), (byte)precision]);
        output.AddRange([(byte)(format.Rows >> 8), (byte)format.Rows, (byte)(format.Columns >> 8), (byte)format.Columns]);
        output.Add((byte)components);
        for (int c = 0; c < components; c++)
        {
            output.AddRange([(byte)(c + 1), 0x11, 0]);
        }

        // Mode 0: one scan per component, each with fresh context state; modes 1 and 2: one scan of all components.
        int[][][] scans = interleave == 0 ? planes.Select(p => new[] { p }).ToArray() : [planes];
        int first = 1;
        foreach (int[][] scan in scans)
        {
            output.AddRange([0xFF, Sos, 0, (byte)(6 + (2 * scan.Length)), (byte)scan.Length]);
            for (int c = 0; c < scan.Length; c++)
            {
                output.AddRange([(byte)(first + c), 0]);
            }

            output.AddRange([0, (byte)interleave, 0]);
            first += scan.Length;
            var writer = new JpegLsBitWriter(output);
            var contexts = new JpegLsContexts((1 << precision) - 1, 0, 0, 0, 0, 0);
            if (interleave == 2)
            {
                JpegLsSampleInterleavedCoder.Encode(writer, contexts, format.Columns, format.Rows, scan);
            }
            else
            {
                JpegLsScanCoder.Encode(writer, contexts, format.Columns, format.Rows, scan);
            }

            writer.Flush();
        }

        output.AddRange([0xFF, Eoi]);
        if (output.Count % 2 == 1)
        {
            output.Insert(output.Count - 2, 0xFF); // T.87 allows fill bytes before a marker; DICOM wants even lengths.
        }

        return [.. output];
    }

    /// <summary>Checks SOF55 (T.87 C.2.2) against the dataset; returns the component identifiers in frame order.</summary>
    private static byte[] ReadFrameHeader(ReadOnlySpan<byte> segment, PixelFormat format, out int width, out int height, out int precision)
    {
        if (segment.Length < 6 || segment.Length < 6 + (3 * segment[5]))
        {
            throw new DicomCodecException("JPEG-LS: the SOF55 segment is truncated.");
        }

        precision = segment[0];
        height = BinaryPrimitives.ReadUInt16BigEndian(segment[1..]);
        width = BinaryPrimitives.ReadUInt16BigEndian(segment[3..]);
        int components = segment[5];
        if (precision is < 2 or > 16 || width != format.Columns || height != format.Rows ||
            components != format.SamplesPerPixel)
        {
            throw new DicomCodecException(
                $"JPEG-LS: the bitstream is {width}×{height}×{components} at {precision} bits, the dataset " +
                $"{format.Columns}×{format.Rows}×{format.SamplesPerPixel}.");
        }

        byte[] ids = new byte[components];
        for (int c = 0; c < components; c++)
        {
            ids[c] = segment[6 + (3 * c)];
            if (segment[7 + (3 * c)] != 0x11)
            {
                throw new DicomCodecException($"JPEG-LS: component {ids[c]} is subsampled (0x{segment[7 + (3 * c)]:X2}), which is not supported.");
            }
        }

        return ids;
    }

    /// <summary>The planes an SOS segment (T.87 C.2.3) codes, in scan order, with its NEAR and interleave mode.</summary>
    private static int[][] ScanPlanes(ReadOnlySpan<byte> segment, byte[] ids, bool[] decoded, int[][] planes, out int near, out int interleave)
    {
        if (planes.Length == 0)
        {
            throw new DicomCodecException("JPEG-LS: a scan starts before the frame header (SOF55).");
        }

        int count = segment.Length > 0 ? segment[0] : 0;
        if (count == 0 || segment.Length < 1 + (2 * count) + 3)
        {
            throw new DicomCodecException("JPEG-LS: the SOS segment is truncated or names no component.");
        }

        near = segment[1 + (2 * count)];
        interleave = segment[2 + (2 * count)];
        int pointTransform = segment[3 + (2 * count)] & 0x0F;
        if (interleave > 2 || (interleave == 0) != (count == 1) || pointTransform != 0)
        {
            throw new DicomCodecException(
                $"JPEG-LS: interleave mode {interleave} with {count} components in the scan, or point transform " +
                $"{pointTransform}, is not valid or not supported.");
        }

        int[][] scan = new int[count][];
        for (int i = 0; i < count; i++)
        {
            int c = Array.IndexOf(ids, segment[1 + (2 * i)]);
            if (c < 0 || decoded[c])
            {
                throw new DicomCodecException($"JPEG-LS: the scan names component {segment[1 + (2 * i)]}, unknown or already decoded.");
            }

            decoded[c] = true;
            scan[i] = planes[c];
        }

        return scan;
    }

    private static void Interleave(int[][] planes, PixelFormat format, Span<byte> output)
    {
        int pixels = format.Rows * format.Columns;
        int components = planes.Length;
        int bytes = format.BytesPerSample;
        for (int c = 0; c < components; c++)
        {
            for (int p = 0; p < pixels; p++)
            {
                int index = format.PlanarConfiguration == 1 ? (c * pixels) + p : (p * components) + c;
                if (bytes == 1)
                {
                    output[index] = (byte)planes[c][p];
                }
                else
                {
                    BinaryPrimitives.WriteUInt16LittleEndian(output[(index * 2)..], (ushort)planes[c][p]);
                }
            }
        }
    }

    private static byte NextMarker(ReadOnlySpan<byte> data, ref int at)
    {
        while (at + 1 < data.Length)
        {
            if (data[at] == 0xFF && data[at + 1] >= 0x80 && data[at + 1] != 0xFF)
            {
                byte marker = data[at + 1];
                at += 2;
                return marker;
            }

            at++;
        }

        throw new DicomCodecException("JPEG-LS: the bitstream ends without an EOI marker.");
    }

    private static int SkipToMarker(ReadOnlySpan<byte> data, int at)
    {
        while (at + 1 < data.Length && !(data[at] == 0xFF && data[at + 1] >= 0x80 && data[at + 1] != 0xFF))
        {
            at++;
        }

        return at;
    }
}
