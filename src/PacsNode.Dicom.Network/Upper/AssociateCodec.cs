namespace PacsNode.Dicom.Network.Upper;

/// <summary>
/// The part A-ASSOCIATE-RQ and -AC share (PS3.8 tables 9-11 and 9-17): protocol version, reserved, called and
/// calling AE titles, 32 reserved bytes, then the variable items in increasing type order.
/// </summary>
internal static class AssociateCodec
{
    public const int FixedLength = 2 + 2 + 16 + 16 + 32;

    public static void WriteFixed(ref PduSpanWriter w, ushort protocolVersion, string called, string calling)
    {
        w.WriteUInt16(protocolVersion);
        w.WriteZeros(2);
        w.WriteAeTitle(called);
        w.WriteAeTitle(calling);
        w.WriteZeros(32);
    }

    public static void ReadFixed(ref PduBodyReader r, out ushort protocolVersion, out string called, out string calling)
    {
        if (r.Remaining < FixedLength)
        {
            throw new UpperLayerProtocolException(AbortReason.InvalidPduParameterValue,
                $"an A-ASSOCIATE PDU of {r.Remaining} bytes is shorter than its {FixedLength}-byte fixed fields");
        }

        protocolVersion = r.ReadUInt16();
        r.Skip(2);
        called = r.ReadAscii(16, "the called AE title");
        calling = r.ReadAscii(16, "the calling AE title");
        r.Skip(32);
    }

    public static void CheckAeTitle(string title, string field)
    {
        ArgumentNullException.ThrowIfNull(title);
        if (title.Length is 0 or > 16 || !System.Text.Ascii.IsValid(title))
        {
            throw new ArgumentException($"The {field} AE title must be 1 to 16 ASCII characters: '{title}'.", field);
        }
    }

    public static UpperLayerProtocolException Missing(string pdu, string item) =>
        new(AbortReason.InvalidPduParameterValue, $"the {pdu} has no {item} item");
}
