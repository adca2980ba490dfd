using PacsNode.Dicom.Network.Dimse;

namespace PacsNode.Dicom.Network.Scu;

/// <summary>The peer answered a request with a failure status.</summary>
public sealed class DimseStatusException : DicomException
{
    public DimseStatusException()
    {
    }

    public DimseStatusException(string message)
        : base(message)
    {
    }

    public DimseStatusException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DimseStatusException(DicomStatus status, string? errorComment)
        : base($"the peer answered {status}{(errorComment is null ? "" : ": " + errorComment)}")
    {
        Status = status;
        ErrorComment = errorComment;
    }

    public DicomStatus Status { get; }

    public string? ErrorComment { get; }
}
