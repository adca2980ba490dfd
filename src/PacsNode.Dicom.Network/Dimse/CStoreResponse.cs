using PacsNode.Dicom.Dictionary;

namespace PacsNode.Dicom.Network.Dimse;

/// <summary>C-STORE-RSP (PS3.7 9.3.1.2).</summary>
public sealed record CStoreResponse(
    ushort MessageIdBeingRespondedTo, string AffectedSopClassUid, string AffectedSopInstanceUid, DicomStatus Status)
{
    /// <summary>Error Comment (0000,0902), LO: cut to 64 characters when encoded.</summary>
    public string? ErrorComment { get; init; }

    public CommandSet ToCommand() => CommandSet.Create(CommandField.CStoreRsp, false)
        .SetString(DicomTag.AffectedSOPClassUID, DicomVR.UI, AffectedSopClassUid)
        .SetUInt16(DicomTag.MessageIDBeingRespondedTo, MessageIdBeingRespondedTo)
        .SetUInt16(DicomTag.Status, Status.Code)
        .SetString(DicomTag.AffectedSOPInstanceUID, DicomVR.UI, AffectedSopInstanceUid)
        .SetString(DicomTag.ErrorComment, DicomVR.LO, ErrorComment is { Length: > 64 } c ? c[..64] : ErrorComment);

    public static CStoreResponse FromCommand(CommandSet command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return new CStoreResponse(command.MessageIdBeingRespondedTo, command.AffectedSopClassUid ?? string.Empty,
            command.AffectedSopInstanceUid ?? string.Empty, command.Status)
        {
            ErrorComment = command.Dataset.GetString(DicomTag.ErrorComment),
        };
    }
}
