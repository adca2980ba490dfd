namespace PacsNode.Dicom;

/// <summary>
/// The base of every exception the DICOM core throws, so that a boundary can tell DICOM data and protocol
/// failures from programming errors. Derived types keep the inner exception.
/// </summary>
public class DicomException : Exception
{
    public DicomException()
    {
    }

    public DicomException(string message)
        : base(message)
    {
    }

    public DicomException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
