using PacsNode.Dicom.IO;

namespace PacsNode.Dicom.Imaging.Codecs.Jpeg;

/// <summary>JPEG Lossless process 14: .57 (any predictor) and .70 (selection value 1); both decode every predictor.</summary>
public sealed class JpegLosslessCodec(DicomTransferSyntax syntax) : IDicomCodec
{
    public DicomTransferSyntax TransferSyntax { get; } = syntax;

    public void Decode(ReadOnlySpan<byte> compressed, PixelFormat format, Span<byte> output)
    {
        ArgumentNullException.ThrowIfNull(format);
        if (output.Length < format.FrameLength)
        {
            throw new ArgumentException("The output is shorter than one frame.", nameof(output));
        }

        if (format.PlanarConfiguration != 0 && format.SamplesPerPixel > 1)
        {
            throw new DicomCodecException("JPEG Lossless: colour-by-plane output is not supported.");
        }

        JpegLosslessDecoder.Decode(compressed, format, output);
    }

    public byte[] Encode(ReadOnlySpan<byte> frame, PixelFormat format)
    {
        ArgumentNullException.ThrowIfNull(format);
        return JpegLosslessEncoder.Encode(frame, format);
    }
}
