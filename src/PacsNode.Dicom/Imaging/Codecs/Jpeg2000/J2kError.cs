namespace PacsNode.Dicom.Imaging.Codecs.Jpeg2000;

/// <summary>The two ways a JPEG 2000 decode fails: a corrupt or truncated codestream, or a feature this decoder refuses.</summary>
internal static class J2kError
{
    public static DicomCodecException Corrupt(string message) => new($"JPEG 2000: {message}");

    public static DicomCodecException NotSupported(string message) => new($"JPEG 2000: not supported: {message}");
}
