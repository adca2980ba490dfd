namespace PacsNode.Dicom.Network.Upper;

/// <summary>A-ABORT (PS3.8 9.3.8): source and reason/diagnostic; the reason is 0 when the service user aborts.</summary>
public sealed class AAbortPdu(AbortSource source, AbortReason reason) : Pdu
{
    public override PduType Type => PduType.AAbort;

    public AbortSource Source { get; } = source;

    public AbortReason Reason { get; } = reason;

    internal override int MeasureBody() => 4;

    internal override void WriteBody(ref PduSpanWriter writer)
    {
        writer.WriteZeros(2);
        writer.WriteByte((byte)Source);
        writer.WriteByte((byte)Reason);
    }

    internal static AAbortPdu Parse(ReadOnlySpan<byte> body)
    {
        FixedBody.Check(body, "A-ABORT");
        return new AAbortPdu((AbortSource)body[2], (AbortReason)body[3]);
    }
}
