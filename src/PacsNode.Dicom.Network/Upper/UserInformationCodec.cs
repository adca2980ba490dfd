namespace PacsNode.Dicom.Network.Upper;

/// <summary>Encodes and decodes the user information item (0x50) and its sub-items in increasing type order.</summary>
internal static class UserInformationCodec
{
    public static int Measure(UserInformation info)
    {
        int n = 4;
        n += info.MaximumLength is null ? 0 : 4 + 4;
        n += info.ImplementationClassUid is { } uid ? 4 + uid.Length : 0;
        n += info.AsynchronousOperationsWindow is null ? 0 : 4 + 4;
        foreach (RoleSelection role in info.RoleSelections)
        {
            n += 4 + 2 + role.SopClassUid.Length + 2;
        }

        n += info.ImplementationVersionName is { } name ? 4 + name.Length : 0;
        foreach (ExtendedNegotiation ext in info.ExtendedNegotiations)
        {
            n += 4 + 2 + ext.SopClassUid.Length + ext.ServiceClassApplicationInformation.Length;
        }

        foreach (CommonExtendedNegotiation common in info.CommonExtendedNegotiations)
        {
            n += 4 + MeasureCommon(common);
        }

        if (info.UserIdentity is { } identity)
        {
            n += 4 + 2 + 2 + identity.PrimaryField.Length + 2 + identity.SecondaryField.Length;
        }

        if (info.UserIdentityServerResponse is { } response)
        {
            n += 4 + 2 + response.Length;
        }

        return n;
    }

    public static void Write(UserInformation info, ref PduSpanWriter w)
    {
        w.WriteItemHeader(ItemType.UserInformation, Measure(info) - 4);
        if (info.MaximumLength is { } max)
        {
            w.WriteItemHeader(ItemType.MaximumLength, 4);
            w.WriteUInt32(max);
        }

        if (info.ImplementationClassUid is { } uid)
        {
            w.WriteTextItem(ItemType.ImplementationClassUid, uid);
        }

        if (info.AsynchronousOperationsWindow is { } window)
        {
            w.WriteItemHeader(ItemType.AsynchronousOperationsWindow, 4);
            w.WriteUInt16(window.MaxOperationsInvoked);
            w.WriteUInt16(window.MaxOperationsPerformed);
        }

        foreach (RoleSelection role in info.RoleSelections)
        {
            w.WriteItemHeader(ItemType.ScpScuRoleSelection, 2 + role.SopClassUid.Length + 2);
            w.WriteUInt16((ushort)role.SopClassUid.Length);
            w.WriteAscii(role.SopClassUid);
            w.WriteByte(role.ScuRole ? (byte)1 : (byte)0);
            w.WriteByte(role.ScpRole ? (byte)1 : (byte)0);
        }

        if (info.ImplementationVersionName is { } name)
        {
            w.WriteTextItem(ItemType.ImplementationVersionName, name);
        }

        foreach (ExtendedNegotiation ext in info.ExtendedNegotiations)
        {
            w.WriteItemHeader(ItemType.SopClassExtendedNegotiation,
                2 + ext.SopClassUid.Length + ext.ServiceClassApplicationInformation.Length);
            w.WriteUInt16((ushort)ext.SopClassUid.Length);
            w.WriteAscii(ext.SopClassUid);
            w.WriteBytes(ext.ServiceClassApplicationInformation.Span);
        }

        foreach (CommonExtendedNegotiation common in info.CommonExtendedNegotiations)
        {
            WriteCommon(common, ref w);
        }

        if (info.UserIdentity is { } identity)
        {
            w.WriteItemHeader(ItemType.UserIdentityRq, 2 + 2 + identity.PrimaryField.Length + 2 + identity.SecondaryField.Length);
            w.WriteByte((byte)identity.Type);
            w.WriteByte(identity.PositiveResponseRequested ? (byte)1 : (byte)0);
            w.WriteUInt16((ushort)identity.PrimaryField.Length);
            w.WriteBytes(identity.PrimaryField.Span);
            w.WriteUInt16((ushort)identity.SecondaryField.Length);
            w.WriteBytes(identity.SecondaryField.Span);
        }

        if (info.UserIdentityServerResponse is { } response)
        {
            w.WriteItemHeader(ItemType.UserIdentityAc, 2 + response.Length);
            w.WriteUInt16((ushort)response.Length);
            w.WriteBytes(response.Span);
        }
    }

    /// <summary>Parses the content of a user information item; unknown sub-item types are skipped (PS3.8 9.3.1).</summary>
    public static UserInformation Parse(ReadOnlySpan<byte> content)
    {
        var r = new PduBodyReader(content, "user information item");
        uint? max = null;
        string? classUid = null;
        string? versionName = null;
        AsynchronousOperationsWindow? window = null;
        var roles = new List<RoleSelection>();
        var extended = new List<ExtendedNegotiation>();
        var common = new List<CommonExtendedNegotiation>();
        UserIdentityRequest? identity = null;
        ReadOnlyMemory<byte>? response = null;
        while (!r.End)
        {
            ReadOnlySpan<byte> item = r.ReadItem(out byte type);
            var s = new PduBodyReader(item, $"user information sub-item 0x{type:X2}");
            switch ((ItemType)type)
            {
                case ItemType.MaximumLength:
                    RequireLength(item, 4, type);
                    max = s.ReadUInt32();
                    break;
                case ItemType.ImplementationClassUid:
                    classUid = PduBodyReader.DecodeAscii(item);
                    break;
                case ItemType.ImplementationVersionName:
                    versionName = PduBodyReader.DecodeAscii(item);
                    break;
                case ItemType.AsynchronousOperationsWindow:
                    RequireLength(item, 4, type);
                    window = new AsynchronousOperationsWindow(s.ReadUInt16(), s.ReadUInt16());
                    break;
                case ItemType.ScpScuRoleSelection:
                    string sop = s.ReadAscii(s.ReadUInt16(), "the SOP class UID");
                    roles.Add(new RoleSelection(sop, s.ReadByte() == 1, s.ReadByte() == 1));
                    break;
                case ItemType.SopClassExtendedNegotiation:
                    string extSop = s.ReadAscii(s.ReadUInt16(), "the SOP class UID");
                    extended.Add(new ExtendedNegotiation(extSop, s.ReadBytes(s.Remaining, "the application information").ToArray()));
                    break;
                case ItemType.SopClassCommonExtendedNegotiation:
                    common.Add(ParseCommon(ref s));
                    break;
                case ItemType.UserIdentityRq:
                    var identityType = (UserIdentityType)s.ReadByte();
                    bool positive = s.ReadByte() == 1;
                    byte[] primary = s.ReadBytes(s.ReadUInt16(), "the primary field").ToArray();
                    byte[] secondary = s.ReadBytes(s.ReadUInt16(), "the secondary field").ToArray();
                    identity = new UserIdentityRequest(identityType, positive, primary, secondary);
                    break;
                case ItemType.UserIdentityAc:
                    response = s.ReadBytes(s.ReadUInt16(), "the server response").ToArray();
                    break;
                default:
                    break;
            }
        }

        return new UserInformation
        {
            MaximumLength = max,
            ImplementationClassUid = classUid,
            ImplementationVersionName = versionName,
            AsynchronousOperationsWindow = window,
            RoleSelections = roles,
            ExtendedNegotiations = extended,
            CommonExtendedNegotiations = common,
            UserIdentity = identity,
            UserIdentityServerResponse = response,
        };
    }

    private static int MeasureCommon(CommonExtendedNegotiation common)
    {
        int related = 0;
        foreach (string uid in common.RelatedGeneralSopClassUids)
        {
            related += 2 + uid.Length;
        }

        return 2 + common.SopClassUid.Length + 2 + common.ServiceClassUid.Length + 2 + related;
    }

    private static void WriteCommon(CommonExtendedNegotiation common, ref PduSpanWriter w)
    {
        w.WriteItemHeader(ItemType.SopClassCommonExtendedNegotiation, MeasureCommon(common));
        w.WriteUInt16((ushort)common.SopClassUid.Length);
        w.WriteAscii(common.SopClassUid);
        w.WriteUInt16((ushort)common.ServiceClassUid.Length);
        w.WriteAscii(common.ServiceClassUid);
        int related = MeasureCommon(common) - 6 - common.SopClassUid.Length - common.ServiceClassUid.Length;
        w.WriteUInt16((ushort)related);
        foreach (string uid in common.RelatedGeneralSopClassUids)
        {
            w.WriteUInt16((ushort)uid.Length);
            w.WriteAscii(uid);
        }
    }

    private static CommonExtendedNegotiation ParseCommon(ref PduBodyReader s)
    {
        string sop = s.ReadAscii(s.ReadUInt16(), "the SOP class UID");
        string service = s.ReadAscii(s.ReadUInt16(), "the service class UID");
        var related = new PduBodyReader(s.ReadBytes(s.ReadUInt16(), "the related general SOP classes"), "related SOP classes");
        var uids = new List<string>();
        while (!related.End)
        {
            uids.Add(related.ReadAscii(related.ReadUInt16(), "a related general SOP class UID"));
        }

        return new CommonExtendedNegotiation(sop, service, uids);
    }

    private static void RequireLength(ReadOnlySpan<byte> item, int length, byte type)
    {
        if (item.Length != length)
        {
            throw new UpperLayerProtocolException(AbortReason.InvalidPduParameterValue,
                $"user information sub-item 0x{type:X2} must be {length} bytes long, not {item.Length}");
        }
    }
}
