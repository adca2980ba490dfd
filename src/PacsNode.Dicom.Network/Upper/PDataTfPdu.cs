namespace PacsNode.Dicom.Network.Upper;

/// <summary>P-DATA-TF (PS3.8 9.3.5): one or more presentation data value items.</summary>
public sealed class PDataTfPdu : Pdu
{
    public PDataTfPdu(IReadOnlyList<PresentationDataValue> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        Values = values;
    }

    public override PduType Type => PduType.PDataTf;

    public IReadOnlyList<PresentationDataValue> Values { get; }

    internal override int MeasureBody()
    {
        int n = 0;
        foreach (PresentationDataValue pdv in Values)
        {
            n += PresentationDataValue.Overhead + pdv.Data.Length;
        }

        return n;
    }

    internal override void WriteBody(ref PduSpanWriter writer)
    {
        foreach (PresentationDataValue pdv in Values)
        {
            writer.WriteUInt32((uint)(2 + pdv.Data.Length));
            writer.WriteByte(pdv.PresentationContextId);
            writer.WriteByte(pdv.MessageControlHeader);
            writer.WriteBytes(pdv.Data.Span);
        }
    }

    /// <summary>Parses the body; the values are slices of <paramref name="body"/>, which the PDU then owns.</summary>
    internal static PDataTfPdu Parse(ReadOnlyMemory<byte> body)
    {
        var values = new List<PresentationDataValue>();
        int at = 0;
        while (at < body.Length)
        {
            var r = new PduBodyReader(body.Span[at..], "P-DATA-TF");
            uint length = r.ReadUInt32();
            if (length < 2 || length > r.Remaining)
            {
                throw new UpperLayerProtocolException(AbortReason.InvalidPduParameterValue,
                    $"P-DATA-TF: a PDV item of length {length} at offset {at} does not fit the {r.Remaining} bytes left " +
                    "(it needs at least 2 for the context id and message control header)");
            }

            byte id = r.ReadByte();
            byte header = r.ReadByte();
            values.Add(new PresentationDataValue(id, (header & 1) != 0, (header & 2) != 0, body.Slice(at + 6, (int)length - 2)));
            at += 4 + (int)length;
        }

        if (values.Count == 0)
        {
            throw new UpperLayerProtocolException(AbortReason.InvalidPduParameterValue,
                "a P-DATA-TF PDU must hold at least one presentation data value item");
        }

        return new PDataTfPdu(values);
    }
}
