using System.Buffers.Binary;
using PacsNode.Dicom.Imaging.Codecs.Jpeg;
using PacsNode.Dicom.IO;

namespace PacsNode.Dicom.Imaging.Codecs.JpegLs;

/// <summary>
/// JPEG-LS (ITU-T T.87): lossless (.80) and near-lossless (.81) decoding, lossless encoding. Single-component images
/// and multi-component images coded as one scan per component (ILV 0); line- and sample-interleaved colour scans
/// are refused with a clear error until they are written.
/// </summary>
public sealed class JpegLsCodec(DicomTransferSyntax syntax) : IDicomCodec
{
    private const byte Soi = 0xD8;
    private const byte Eoi = 0xD9;
    private const byte Sos = 0xDA;
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
        int precision = 0;
        int width = 0;
        int height = 0;
        int components = 0;
        int maxValue = 0;
        int t1 = 0;
        int t2 = 0;
        int t3 = 0;
        int reset = 0;
        int scans = 0;
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
                    if (segment.Length < 6)
                    {
                        throw new DicomCodecException("JPEG-LS: the SOF55 segment is truncated.");
                    }

                    precision = segment[0];
                    height = BinaryPrimitives.ReadUInt16BigEndian(segment[1..]);
                    width = BinaryPrimitives.ReadUInt16BigEndian(segment[3..]);
                    components = segment[5];
                    if (precision is < 2 or > 16 || width != format.Columns || height != format.Rows ||
                        components != format.SamplesPerPixel)
                    {
                        throw new DicomCodecException(
                            $"JPEG-LS: the bitstream is {width}×{height}×{components} at {precision} bits, the dataset " +
                            $"{format.Columns}×{format.Rows}×{format.SamplesPerPixel}.");
                    }

                    planes = Enumerable.Range(0, components).Select(_ => new int[width * height]).ToArray();
                    maxValue = (1 << precision) - 1;
                    break;
                case Lse:
                    if (segment.Length >= 11 && segment[0] == 1)
                    {
                        maxValue = BinaryPrimitives.ReadUInt16BigEndian(segment[1..]) is var m and > 0 ? m : maxValue;
                        t1 = BinaryPrimitives.ReadUInt16BigEndian(segment[3..]);
                        t2 = BinaryPrimitives.ReadUInt16BigEndian(segment[5..]);
                        t3 = BinaryPrimitives.ReadUInt16BigEndian(segment[7..]);
                        reset = BinaryPrimitives.ReadUInt16BigEndian(segment[9..]);
                    }
                    else
                    {
                        throw new DicomCodecException("JPEG-LS: mapping tables (LSE other than preset parameters) are not supported.");
                    }

                    break;
                case Sos:
                    if (planes.Length == 0)
                    {
                        throw new DicomCodecException("JPEG-LS: a scan starts before the frame header (SOF55).");
                    }

                    int count = segment[0];
                    if (segment.Length < 1 + (2 * count) + 3)
                    {
                        throw new DicomCodecException("JPEG-LS: the SOS segment is truncated.");
                    }

                    int near = segment[1 + (2 * count)];
                    int interleave = segment[2 + (2 * count)];
                    int pointTransform = segment[3 + (2 * count)] & 0x0F;
                    if (count != 1 || pointTransform != 0)
                    {
                        throw new DicomCodecException(
                            $"JPEG-LS: interleave mode {interleave} with {count} components per scan, or point transform " +
                            $"{pointTransform}, is not supported; one component per scan and no point transform are.");
                    }

                    if (scans >= components)
                    {
                        throw new DicomCodecException($"JPEG-LS: more scans than the {components} components.");
                    }

                    var contexts = new JpegLsContexts(maxValue, near, t1, t2, t3, reset);
                    var reader = new JpegLsBitReader(compressed, at);
                    JpegLsScanCoder.Decode(ref reader, contexts, width, height, planes[scans]);
                    at = SkipToMarker(compressed, at);
                    scans++;
                    break;
            }
        }

        if (scans != components)
        {
            throw new DicomCodecException($"JPEG-LS: {scans} scans decoded for {components} components.");
        }

        Interleave(planes, format, output);
    }

    public byte[] Encode(ReadOnlySpan<byte> frame, PixelFormat format)
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

        // One scan per component (interleave mode 0), each with its own fresh context state.
        for (int c = 0; c < components; c++)
        {
            output.AddRange([0xFF, Sos, 0, 8, 1, (byte)(c + 1), 0, 0, 0, 0]);
            var writer = new JpegLsBitWriter(output);
            var contexts = new JpegLsContexts((1 << precision) - 1, 0, 0, 0, 0, 0);
            JpegLsScanCoder.Encode(writer, contexts, format.Columns, format.Rows, planes[c]);
            writer.Flush();
        }

        output.AddRange([0xFF, Eoi]);
        return [.. output];
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
