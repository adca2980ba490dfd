namespace PacsNode.Dicom.Network.Upper;

/// <summary>A-ASSOCIATE-RJ (PS3.8 9.3.4); <see cref="Reason"/> takes the <see cref="RejectReason"/> constants.</summary>
public sealed class AAssociateRjPdu(RejectResult result, RejectSource source, byte reason) : Pdu
{
    public override PduType Type => PduType.AAssociateRj;

    public RejectResult Result { get; } = result;

    public RejectSource Source { get; } = source;

    public byte Reason { get; } = reason;

    internal override int MeasureBody() => 4;

    internal override void WriteBody(ref PduSpanWriter writer)
    {
        writer.WriteByte(0);
        writer.WriteByte((byte)Result);
        writer.WriteByte((byte)Source);
        writer.WriteByte(Reason);
    }

    internal static AAssociateRjPdu Parse(ReadOnlySpan<byte> body)
    {
        FixedBody.Check(body, "A-ASSOCIATE-RJ");
        return new AAssociateRjPdu((RejectResult)body[1], (RejectSource)body[2], body[3]);
    }
}
