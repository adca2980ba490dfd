namespace PacsNode.Dicom.Network.Upper;

/// <summary>The PDUs whose body is always four bytes: A-ASSOCIATE-RJ, A-RELEASE-RQ/RP, A-ABORT (PS3.8 9.3.4 to 9.3.8).</summary>
internal static class FixedBody
{
    public static void Check(ReadOnlySpan<byte> body, string pdu)
    {
        if (body.Length != 4)
        {
            throw new UpperLayerProtocolException(AbortReason.InvalidPduParameterValue,
                $"an {pdu} PDU has a 4-byte body, not {body.Length} bytes");
        }
    }
}
