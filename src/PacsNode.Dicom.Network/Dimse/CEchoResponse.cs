using PacsNode.Dicom.Dictionary;

namespace PacsNode.Dicom.Network.Dimse;

/// <summary>C-ECHO-RSP (PS3.7 9.3.5.2).</summary>
public sealed record CEchoResponse(ushort MessageIdBeingRespondedTo, string AffectedSopClassUid, DicomStatus Status)
{
    public CommandSet ToCommand() => CommandSet.Create(CommandField.CEchoRsp, false)
        .SetString(DicomTag.AffectedSOPClassUID, DicomVR.UI, AffectedSopClassUid)
        .SetUInt16(DicomTag.MessageIDBeingRespondedTo, MessageIdBeingRespondedTo)
        .SetUInt16(DicomTag.Status, Status.Code);

    public static CEchoResponse FromCommand(CommandSet command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return new CEchoResponse(command.MessageIdBeingRespondedTo, command.AffectedSopClassUid ?? DicomUid.Verification,
            command.Status);
    }
}
