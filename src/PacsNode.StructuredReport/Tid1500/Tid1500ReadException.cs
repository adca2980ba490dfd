using PacsNode.Dicom;

namespace PacsNode.StructuredReport.Tid1500;

/// <summary>The dataset is not an SR document with a TID 1500-shaped content tree (wrong SOP class, no root container).</summary>
public sealed class Tid1500ReadException : DicomException
{
    public Tid1500ReadException()
    {
    }

    public Tid1500ReadException(string message)
        : base(message)
    {
    }

    public Tid1500ReadException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
