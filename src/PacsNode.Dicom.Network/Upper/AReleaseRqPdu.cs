namespace PacsNode.Dicom.Network.Upper;

/// <summary>A-RELEASE-RQ (PS3.8 9.3.6): four reserved bytes.</summary>
public sealed class AReleaseRqPdu : Pdu
{
    public static AReleaseRqPdu Instance { get; } = new();

    public override PduType Type => PduType.AReleaseRq;

    internal override int MeasureBody() => 4;

    internal override void WriteBody(ref PduSpanWriter writer) => writer.WriteZeros(4);

    internal static AReleaseRqPdu Parse(ReadOnlySpan<byte> body)
    {
        FixedBody.Check(body, "A-RELEASE-RQ");
        return Instance;
    }
}
