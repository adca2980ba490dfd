namespace PacsNode.Dicom.Imaging.Codecs;

/// <summary>A compressed bitstream that cannot be decoded, or pixels a codec cannot encode; names the codec and why.</summary>
public sealed class DicomCodecException : DicomException
{
    public DicomCodecException()
    {
    }

    public DicomCodecException(string message)
        : base(message)
    {
    }

    public DicomCodecException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
