using PacsNode.Dicom.Dictionary;

namespace PacsNode.Dicom.Network.Dimse;

/// <summary>C-MOVE-RQ (PS3.7 9.3.4.1): the identifier travels as the dataset; the matches go to Move Destination.</summary>
public sealed record CMoveRequest(
    ushort MessageId, string AffectedSopClassUid, string MoveDestination, DimsePriority Priority = DimsePriority.Medium)
{
    public CommandSet ToCommand() => CommandSet.Create(CommandField.CMoveRq, true)
        .SetString(DicomTag.AffectedSOPClassUID, DicomVR.UI, AffectedSopClassUid)
        .SetUInt16(DicomTag.MessageID, MessageId)
        .SetUInt16(DicomTag.Priority, (ushort)Priority)
        .SetString(DicomTag.MoveDestination, DicomVR.AE, MoveDestination);

    /// <exception cref="DicomException">A required attribute is missing.</exception>
    public static CMoveRequest FromCommand(CommandSet command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.TryGetUInt16(DicomTag.Priority, out ushort priority);
        return new CMoveRequest(command.MessageId,
            command.AffectedSopClassUid ?? throw new DicomException("C-MOVE-RQ without Affected SOP Class UID"),
            command.Dataset.GetString(DicomTag.MoveDestination) ?? throw new DicomException("C-MOVE-RQ without Move Destination"),
            (DimsePriority)priority);
    }
}
