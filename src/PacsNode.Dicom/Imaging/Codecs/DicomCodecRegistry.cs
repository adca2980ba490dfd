using PacsNode.Dicom.IO;

namespace PacsNode.Dicom.Imaging.Codecs;

/// <summary>The codecs this build has, keyed by transfer syntax UID. RLE, JPEG Lossless, JPEG-LS and JPEG 2000 (decode only).</summary>
public static class DicomCodecRegistry
{
    private static readonly Dictionary<string, IDicomCodec> Codecs = new IDicomCodec[]
    {
        new RleCodec(),
        new Jpeg.JpegLosslessCodec(DicomTransferSyntax.JpegLossless),
        new Jpeg.JpegLosslessCodec(DicomTransferSyntax.JpegLosslessSV1),
        new JpegLs.JpegLsCodec(DicomTransferSyntax.JpegLSLossless),
        new JpegLs.JpegLsCodec(DicomTransferSyntax.FromUid("1.2.840.10008.1.2.4.81")),
        new Jpeg2000.Jpeg2000Codec(DicomTransferSyntax.Jpeg2000Lossless),
        new Jpeg2000.Jpeg2000Codec(DicomTransferSyntax.FromUid("1.2.840.10008.1.2.4.91")),
    }.ToDictionary(c => c.TransferSyntax.Uid, StringComparer.Ordinal);

    public static IReadOnlyCollection<DicomTransferSyntax> Supported { get; } =
        Codecs.Values.Select(c => c.TransferSyntax).ToArray();

    public static IDicomCodec? Find(DicomTransferSyntax syntax)
    {
        ArgumentNullException.ThrowIfNull(syntax);
        return Codecs.GetValueOrDefault(syntax.Uid);
    }
}
