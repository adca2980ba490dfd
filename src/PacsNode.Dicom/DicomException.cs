namespace PacsNode.Dicom;

/// <summary>The base of every exception the DICOM core throws for bad data or misuse of the standard.</summary>
public class DicomException : Exception
{
    public DicomException()
    {
    }

    public DicomException(string message)
        : base(message)
    {
    }

    public DicomException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
