using PacsNode.Dicom.IO;

namespace PacsNode.Dicom.Imaging.Codecs;

/// <summary>
/// One compressed transfer syntax: decodes one frame's compressed bytes into native little-endian pixels and
/// encodes native pixels into one frame's compressed bytes.
/// </summary>
public interface IDicomCodec
{
    DicomTransferSyntax TransferSyntax { get; }

    /// <summary>Decodes a frame into <paramref name="output"/>, exactly <see cref="PixelFormat.FrameLength"/> bytes.</summary>
    void Decode(ReadOnlySpan<byte> compressed, PixelFormat format, Span<byte> output);

    /// <summary>Encodes one native frame; the result is padded to even length.</summary>
    byte[] Encode(ReadOnlySpan<byte> frame, PixelFormat format);
}
