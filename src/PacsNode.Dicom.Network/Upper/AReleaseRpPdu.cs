namespace PacsNode.Dicom.Network.Upper;

/// <summary>A-RELEASE-RP (PS3.8 9.3.7): four reserved bytes.</summary>
public sealed class AReleaseRpPdu : Pdu
{
    public static AReleaseRpPdu Instance { get; } = new();

    public override PduType Type => PduType.AReleaseRp;

    internal override int MeasureBody() => 4;

    internal override void WriteBody(ref PduSpanWriter writer) => writer.WriteZeros(4);

    internal static AReleaseRpPdu Parse(ReadOnlySpan<byte> body)
    {
        FixedBody.Check(body, "A-RELEASE-RP");
        return Instance;
    }
}
