namespace PacsNode.Dicom.Network.Upper;

/// <summary>The peer aborted the association (an A-ABORT PDU arrived) or the transport closed under it.</summary>
public sealed class AssociationAbortedException : DicomException
{
    public AssociationAbortedException()
    {
    }

    public AssociationAbortedException(string message)
        : base(message)
    {
    }

    public AssociationAbortedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public AssociationAbortedException(AbortSource source, AbortReason reason, string message)
        : base(message)
    {
        AbortSource = source;
        AbortReason = reason;
    }

    /// <summary>The source the peer's A-ABORT named; null when the transport closed without one.</summary>
    public AbortSource? AbortSource { get; }

    public AbortReason? AbortReason { get; }
}
