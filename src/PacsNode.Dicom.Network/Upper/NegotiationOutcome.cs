namespace PacsNode.Dicom.Network.Upper;

/// <summary>Either an A-ASSOCIATE-AC with the parameters it sets, or an A-ASSOCIATE-RJ.</summary>
public sealed class NegotiationOutcome
{
    private NegotiationOutcome(AAssociateAcPdu? accept, AssociationParameters? parameters, AAssociateRjPdu? reject)
    {
        Accept = accept;
        Parameters = parameters;
        Reject = reject;
    }

    public AAssociateAcPdu? Accept { get; }

    public AssociationParameters? Parameters { get; }

    public AAssociateRjPdu? Reject { get; }

    public bool IsAccepted => Accept is not null;

    /// <summary>The PDU to send the requestor.</summary>
    public Pdu Response => (Pdu?)Accept ?? Reject!;

    internal static NegotiationOutcome Accepted(AAssociateAcPdu accept, AssociationParameters parameters) =>
        new(accept, parameters, null);

    internal static NegotiationOutcome Rejected(RejectSource source, byte reason, RejectResult result = RejectResult.Permanent) =>
        new(null, null, new AAssociateRjPdu(result, source, reason));
}
