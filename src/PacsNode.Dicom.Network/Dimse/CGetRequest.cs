using PacsNode.Dicom.Dictionary;

namespace PacsNode.Dicom.Network.Dimse;

/// <summary>C-GET-RQ (PS3.7 9.3.3.1): the identifier travels as the dataset; matches come back as C-STORE
/// sub-operations on the same association.</summary>
public sealed record CGetRequest(ushort MessageId, string AffectedSopClassUid, DimsePriority Priority = DimsePriority.Medium)
{
    public CommandSet ToCommand() => CommandSet.Create(CommandField.CGetRq, true)
        .SetString(DicomTag.AffectedSOPClassUID, DicomVR.UI, AffectedSopClassUid)
        .SetUInt16(DicomTag.MessageID, MessageId)
        .SetUInt16(DicomTag.Priority, (ushort)Priority);

    /// <exception cref="DicomException">A required attribute is missing.</exception>
    public static CGetRequest FromCommand(CommandSet command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.TryGetUInt16(DicomTag.Priority, out ushort priority);
        return new CGetRequest(command.MessageId,
            command.AffectedSopClassUid ?? throw new DicomException("C-GET-RQ without Affected SOP Class UID"),
            (DimsePriority)priority);
    }
}
