using PacsNode.Dicom.Dictionary;

namespace PacsNode.Dicom.Network.Dimse;

/// <summary>C-FIND-RQ (PS3.7 9.3.2.1); the identifier travels as the dataset.</summary>
public sealed record CFindRequest(ushort MessageId, string AffectedSopClassUid, DimsePriority Priority = DimsePriority.Medium)
{
    public CommandSet ToCommand() => CommandSet.Create(CommandField.CFindRq, true)
        .SetString(DicomTag.AffectedSOPClassUID, DicomVR.UI, AffectedSopClassUid)
        .SetUInt16(DicomTag.MessageID, MessageId)
        .SetUInt16(DicomTag.Priority, (ushort)Priority);

    /// <exception cref="DicomException">A required attribute is missing.</exception>
    public static CFindRequest FromCommand(CommandSet command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.TryGetUInt16(DicomTag.Priority, out ushort priority);
        return new CFindRequest(command.MessageId,
            command.AffectedSopClassUid ?? throw new DicomException("C-FIND-RQ without Affected SOP Class UID"),
            (DimsePriority)priority);
    }
}
