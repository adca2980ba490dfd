using PacsNode.Dicom.Dictionary;

namespace PacsNode.Dicom.Network.Dimse;

/// <summary>C-ECHO-RQ (PS3.7 9.3.5.1).</summary>
public sealed record CEchoRequest(ushort MessageId, string AffectedSopClassUid)
{
    public CommandSet ToCommand() => CommandSet.Create(CommandField.CEchoRq, false)
        .SetString(DicomTag.AffectedSOPClassUID, DicomVR.UI, AffectedSopClassUid)
        .SetUInt16(DicomTag.MessageID, MessageId);

    public static CEchoRequest FromCommand(CommandSet command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return new CEchoRequest(command.MessageId, command.AffectedSopClassUid ?? DicomUid.Verification);
    }
}
