namespace PacsNode.Dicom.Network.Upper;

/// <summary>A-ASSOCIATE-RQ (PS3.8 9.3.2).</summary>
public sealed class AAssociateRqPdu : Pdu
{
    /// <summary>The DICOM application context name (PS3.7 A.2.1).</summary>
    public const string DicomApplicationContext = "1.2.840.10008.3.1.1.1";

    public AAssociateRqPdu(
        string calledAeTitle, string callingAeTitle, IReadOnlyList<PresentationContextRequest> presentationContexts,
        UserInformation userInformation)
    {
        AssociateCodec.CheckAeTitle(calledAeTitle, nameof(calledAeTitle));
        AssociateCodec.CheckAeTitle(callingAeTitle, nameof(callingAeTitle));
        ArgumentNullException.ThrowIfNull(presentationContexts);
        ArgumentNullException.ThrowIfNull(userInformation);
        CalledAeTitle = calledAeTitle;
        CallingAeTitle = callingAeTitle;
        PresentationContexts = presentationContexts;
        UserInformation = userInformation;
    }

    public override PduType Type => PduType.AAssociateRq;

    /// <summary>Bit 0 set is version 1, the only one defined (PS3.8 9.3.2).</summary>
    public ushort ProtocolVersion { get; init; } = 1;

    public string CalledAeTitle { get; }

    public string CallingAeTitle { get; }

    public string ApplicationContextName { get; init; } = DicomApplicationContext;

    public IReadOnlyList<PresentationContextRequest> PresentationContexts { get; }

    public UserInformation UserInformation { get; }

    internal override int MeasureBody()
    {
        int n = AssociateCodec.FixedLength + 4 + ApplicationContextName.Length;
        foreach (PresentationContextRequest pc in PresentationContexts)
        {
            n += 4 + MeasureContext(pc);
        }

        return n + UserInformationCodec.Measure(UserInformation);
    }

    internal override void WriteBody(ref PduSpanWriter writer)
    {
        AssociateCodec.WriteFixed(ref writer, ProtocolVersion, CalledAeTitle, CallingAeTitle);
        writer.WriteTextItem(ItemType.ApplicationContext, ApplicationContextName);
        foreach (PresentationContextRequest pc in PresentationContexts)
        {
            writer.WriteItemHeader(ItemType.PresentationContextRq, MeasureContext(pc));
            writer.WriteByte(pc.Id);
            writer.WriteZeros(3);
            writer.WriteTextItem(ItemType.AbstractSyntax, pc.AbstractSyntax);
            foreach (string ts in pc.TransferSyntaxes)
            {
                writer.WriteTextItem(ItemType.TransferSyntax, ts);
            }
        }

        UserInformationCodec.Write(UserInformation, ref writer);
    }

    internal static AAssociateRqPdu Parse(ReadOnlySpan<byte> body)
    {
        var r = new PduBodyReader(body, "A-ASSOCIATE-RQ");
        AssociateCodec.ReadFixed(ref r, out ushort version, out string called, out string calling);
        string? context = null;
        var contexts = new List<PresentationContextRequest>();
        UserInformation? info = null;
        while (!r.End)
        {
            ReadOnlySpan<byte> item = r.ReadItem(out byte type);
            switch ((ItemType)type)
            {
                case ItemType.ApplicationContext:
                    context = PduBodyReader.DecodeAscii(item);
                    break;
                case ItemType.PresentationContextRq:
                    contexts.Add(ParseContext(item));
                    break;
                case ItemType.UserInformation:
                    info = UserInformationCodec.Parse(item);
                    break;
                default:
                    break;
            }
        }

        return new AAssociateRqPdu(
            CheckParsedTitle(called, "called"), CheckParsedTitle(calling, "calling"), contexts,
            info ?? throw AssociateCodec.Missing("A-ASSOCIATE-RQ", "user information"))
        {
            ProtocolVersion = version,
            ApplicationContextName = context ?? throw AssociateCodec.Missing("A-ASSOCIATE-RQ", "application context"),
        };
    }

    private static int MeasureContext(PresentationContextRequest pc)
    {
        int n = 4 + 4 + pc.AbstractSyntax.Length;
        foreach (string ts in pc.TransferSyntaxes)
        {
            n += 4 + ts.Length;
        }

        return n;
    }

    private static PresentationContextRequest ParseContext(ReadOnlySpan<byte> item)
    {
        var r = new PduBodyReader(item, "presentation context item");
        byte id = r.ReadByte();
        r.Skip(3);
        string? abstractSyntax = null;
        var syntaxes = new List<string>();
        while (!r.End)
        {
            ReadOnlySpan<byte> sub = r.ReadItem(out byte type);
            if (type == (byte)ItemType.AbstractSyntax)
            {
                abstractSyntax = PduBodyReader.DecodeAscii(sub);
            }
            else if (type == (byte)ItemType.TransferSyntax)
            {
                syntaxes.Add(PduBodyReader.DecodeAscii(sub));
            }
        }

        if (abstractSyntax is null || syntaxes.Count == 0)
        {
            throw new UpperLayerProtocolException(AbortReason.InvalidPduParameterValue,
                $"presentation context {id} needs one abstract syntax and at least one transfer syntax");
        }

        return new PresentationContextRequest(id, abstractSyntax, syntaxes);
    }

    private static string CheckParsedTitle(string title, string field) =>
        title.Length > 0
            ? title
            : throw new UpperLayerProtocolException(AbortReason.InvalidPduParameterValue, $"the {field} AE title is blank");
}
