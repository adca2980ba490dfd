namespace PacsNode.Dicom.Network.Upper;

/// <summary>The acceptor answered our A-ASSOCIATE-RQ with an A-ASSOCIATE-RJ.</summary>
public sealed class AssociationRejectedException : DicomException
{
    public AssociationRejectedException()
    {
    }

    public AssociationRejectedException(string message)
        : base(message)
    {
    }

    public AssociationRejectedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public AssociationRejectedException(AAssociateRjPdu reject)
        : base(Describe(reject))
    {
        ArgumentNullException.ThrowIfNull(reject);
        Result = reject.Result;
        RejectSource = reject.Source;
        Reason = reject.Reason;
    }

    public RejectResult Result { get; }

    public RejectSource RejectSource { get; }

    /// <summary>The reason byte; see <see cref="Upper.RejectReason"/>.</summary>
    public byte Reason { get; }

    private static string Describe(AAssociateRjPdu reject) =>
        $"association rejected: result {reject.Result}, source {reject.Source}, reason {reject.Reason}";
}
