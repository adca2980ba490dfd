using PacsNode.Dicom.IO;

namespace PacsNode.Dicom.Imaging.Codecs;

/// <summary>The codecs this build has, keyed by transfer syntax UID. RLE and JPEG Lossless so far (issue 7 adds the rest).</summary>
public static class DicomCodecRegistry
{
    private static readonly Dictionary<string, IDicomCodec> Codecs = new IDicomCodec[]
    {
        new RleCodec(),
        new Jpeg.JpegLosslessCodec(DicomTransferSyntax.JpegLossless),
        new Jpeg.JpegLosslessCodec(DicomTransferSyntax.JpegLosslessSV1),
    }.ToDictionary(c => c.TransferSyntax.Uid, StringComparer.Ordinal);

    public static IReadOnlyCollection<DicomTransferSyntax> Supported { get; } =
        Codecs.Values.Select(c => c.TransferSyntax).ToArray();

    public static IDicomCodec? Find(DicomTransferSyntax syntax)
    {
        ArgumentNullException.ThrowIfNull(syntax);
        return Codecs.GetValueOrDefault(syntax.Uid);
    }
}
