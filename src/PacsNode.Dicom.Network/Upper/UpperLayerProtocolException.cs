namespace PacsNode.Dicom.Network.Upper;

/// <summary>
/// We detected a violation of the upper layer protocol (PS3.8): a malformed or oversize PDU, an unknown PDU type,
/// or a PDU the state machine does not allow. <see cref="Reason"/> is the A-ABORT reason to send the peer.
/// </summary>
public sealed class UpperLayerProtocolException : DicomException
{
    public UpperLayerProtocolException()
    {
    }

    public UpperLayerProtocolException(string message)
        : base(message)
    {
    }

    public UpperLayerProtocolException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public UpperLayerProtocolException(AbortReason reason, string message)
        : base(message)
    {
        Reason = reason;
    }

    /// <summary>The A-ABORT reason (PS3.8 table 9-26) that describes the violation.</summary>
    public AbortReason Reason { get; } = AbortReason.NotSpecified;
}
