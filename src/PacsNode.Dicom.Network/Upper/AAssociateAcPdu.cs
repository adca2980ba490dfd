namespace PacsNode.Dicom.Network.Upper;

/// <summary>A-ASSOCIATE-AC (PS3.8 9.3.3). The AE title fields echo the request's (they are not tested on receipt).</summary>
public sealed class AAssociateAcPdu : Pdu
{
    public AAssociateAcPdu(
        string calledAeTitle, string callingAeTitle, IReadOnlyList<PresentationContextResult> presentationContexts,
        UserInformation userInformation)
    {
        ArgumentNullException.ThrowIfNull(calledAeTitle);
        ArgumentNullException.ThrowIfNull(callingAeTitle);
        ArgumentNullException.ThrowIfNull(presentationContexts);
        ArgumentNullException.ThrowIfNull(userInformation);
        CalledAeTitle = calledAeTitle;
        CallingAeTitle = callingAeTitle;
        PresentationContexts = presentationContexts;
        UserInformation = userInformation;
    }

    public override PduType Type => PduType.AAssociateAc;

    public ushort ProtocolVersion { get; init; } = 1;

    public string CalledAeTitle { get; }

    public string CallingAeTitle { get; }

    public string ApplicationContextName { get; init; } = AAssociateRqPdu.DicomApplicationContext;

    public IReadOnlyList<PresentationContextResult> PresentationContexts { get; }

    public UserInformation UserInformation { get; }

    internal override int MeasureBody()
    {
        int n = AssociateCodec.FixedLength + 4 + ApplicationContextName.Length;
        foreach (PresentationContextResult pc in PresentationContexts)
        {
            n += 4 + 4 + 4 + pc.TransferSyntax.Length;
        }

        return n + UserInformationCodec.Measure(UserInformation);
    }

    internal override void WriteBody(ref PduSpanWriter writer)
    {
        AssociateCodec.WriteFixed(ref writer, ProtocolVersion, CalledAeTitle, CallingAeTitle);
        writer.WriteTextItem(ItemType.ApplicationContext, ApplicationContextName);
        foreach (PresentationContextResult pc in PresentationContexts)
        {
            writer.WriteItemHeader(ItemType.PresentationContextAc, 4 + 4 + pc.TransferSyntax.Length);
            writer.WriteByte(pc.Id);
            writer.WriteByte(0);
            writer.WriteByte((byte)pc.Result);
            writer.WriteByte(0);
            writer.WriteTextItem(ItemType.TransferSyntax, pc.TransferSyntax);
        }

        UserInformationCodec.Write(UserInformation, ref writer);
    }

    internal static AAssociateAcPdu Parse(ReadOnlySpan<byte> body)
    {
        var r = new PduBodyReader(body, "A-ASSOCIATE-AC");
        AssociateCodec.ReadFixed(ref r, out ushort version, out string called, out string calling);
        string? context = null;
        var contexts = new List<PresentationContextResult>();
        UserInformation? info = null;
        while (!r.End)
        {
            ReadOnlySpan<byte> item = r.ReadItem(out byte type);
            switch ((ItemType)type)
            {
                case ItemType.ApplicationContext:
                    context = PduBodyReader.DecodeAscii(item);
                    break;
                case ItemType.PresentationContextAc:
                    contexts.Add(ParseContext(item));
                    break;
                case ItemType.UserInformation:
                    info = UserInformationCodec.Parse(item);
                    break;
                default:
                    break;
            }
        }

        return new AAssociateAcPdu(called, calling, contexts,
            info ?? throw AssociateCodec.Missing("A-ASSOCIATE-AC", "user information"))
        {
            ProtocolVersion = version,
            ApplicationContextName = context ?? throw AssociateCodec.Missing("A-ASSOCIATE-AC", "application context"),
        };
    }

    private static PresentationContextResult ParseContext(ReadOnlySpan<byte> item)
    {
        var r = new PduBodyReader(item, "presentation context item");
        byte id = r.ReadByte();
        r.Skip(1);
        byte result = r.ReadByte();
        r.Skip(1);
        if (result > (byte)PresentationContextResultReason.TransferSyntaxesNotSupported)
        {
            throw new UpperLayerProtocolException(AbortReason.InvalidPduParameterValue,
                $"presentation context {id} has result {result}, which PS3.8 table 9-18 does not define");
        }

        // A rejected context's transfer syntax sub-item "shall not be tested" (PS3.8 9.3.3.2); keep it when present.
        string syntax = string.Empty;
        while (!r.End)
        {
            ReadOnlySpan<byte> sub = r.ReadItem(out byte type);
            if (type == (byte)ItemType.TransferSyntax)
            {
                syntax = PduBodyReader.DecodeAscii(sub);
            }
        }

        return new PresentationContextResult(id, (PresentationContextResultReason)result, syntax);
    }
}
