using System.Buffers.Binary;
using PacsNode.Dicom.IO;

namespace PacsNode.Dicom.Imaging.Codecs.Jpeg2000;

/// <summary>
/// JPEG 2000 decoding (ITU-T T.800 | ISO/IEC 15444-1) for 1.2.840.10008.1.2.4.90 (lossless only) and .91: raw
/// codestreams or JP2 files, 1–24-bit signed or unsigned components, tiles, layers, precincts, all progression orders
/// and POC, every code-block style, PPM/PPT, ROI maximum shift, the 5/3 and 9/7 wavelets and RCT/ICT. Refused with a
/// "not supported" codec error: subsampled components, HTJ2K (Part 15) code-blocks, Part 2 extensions, and encoding.
/// A decoded YBR_RCT or YBR_ICT image is RGB (PS3.5 8.2.4); the transcoder renames its Photometric Interpretation.
/// </summary>
public sealed class Jpeg2000Codec(DicomTransferSyntax syntax) : IDicomCodec
{
    public DicomTransferSyntax TransferSyntax { get; } = syntax;

    public void Decode(ReadOnlySpan<byte> compressed, PixelFormat format, Span<byte> output)
    {
        ArgumentNullException.ThrowIfNull(format);
        if (output.Length < format.FrameLength)
        {
            throw new ArgumentException($"The output has {output.Length} bytes; a frame is {format.FrameLength}.", nameof(output));
        }

        if (format.BitsAllocated is not (8 or 16 or 32))
        {
            throw J2kError.NotSupported($"Bits Allocated {format.BitsAllocated}; 8, 16 and 32 are written.");
        }

        J2kCodestream codestream = J2kCodestreamReader.Read(compressed);
        SizMarker siz = codestream.Siz;
        int width = siz.Width - siz.X0;
        int height = siz.Height - siz.Y0;
        if (width != format.Columns || height != format.Rows || siz.Components != format.SamplesPerPixel)
        {
            throw new DicomCodecException(
                $"JPEG 2000: the codestream is {width}×{height}×{siz.Components}, the dataset {format.Columns}×{format.Rows}×{format.SamplesPerPixel}.");
        }

        for (int c = 0; c < siz.Components; c++)
        {
            if (siz.Precision[c] > format.BitsAllocated)
            {
                throw new DicomCodecException($"JPEG 2000: component {c} has {siz.Precision[c]} bits; Bits Allocated is {format.BitsAllocated}.");
            }
        }

        int pixels = width * height;
        var planes = new int[siz.Components][];
        for (int c = 0; c < planes.Length; c++)
        {
            planes[c] = new int[pixels];
        }

        var tier1 = new CodeBlockDecoder();
        foreach (J2kTile tile in codestream.Tiles)
        {
            TileDecoder.Decode(codestream, tile, planes, tier1);
        }

        Write(planes, format, output);
    }

    public byte[] Encode(ReadOnlySpan<byte> frame, PixelFormat format) =>
        throw new DicomCodecException($"JPEG 2000: not supported: encoding ({TransferSyntax.Name}); this build only decodes JPEG 2000.");

    private static void Write(int[][] planes, PixelFormat format, Span<byte> output)
    {
        int pixels = planes[0].Length;
        int components = planes.Length;
        int bytes = format.BytesPerSample;
        for (int c = 0; c < components; c++)
        {
            int[] plane = planes[c];
            for (int p = 0; p < pixels; p++)
            {
                int index = format.PlanarConfiguration == 1 ? (c * pixels) + p : (p * components) + c;
                int value = plane[p];
                switch (bytes)
                {
                    case 1:
                        output[index] = (byte)value;
                        break;
                    case 2:
                        BinaryPrimitives.WriteInt16LittleEndian(output[(index * 2)..], (short)value);
                        break;
                    default:
                        BinaryPrimitives.WriteInt32LittleEndian(output[(index * 4)..], value);
                        break;
                }
            }
        }
    }
}
