using PacsNode.Dicom.Dictionary;

namespace PacsNode.Dicom.Network.Dimse;

/// <summary>C-STORE-RQ (PS3.7 9.3.1.1); the dataset travels after the command.</summary>
public sealed record CStoreRequest(
    ushort MessageId, string AffectedSopClassUid, string AffectedSopInstanceUid, DimsePriority Priority = DimsePriority.Medium)
{
    /// <summary>Set when the store is a C-MOVE sub-operation.</summary>
    public string? MoveOriginatorAeTitle { get; init; }

    public ushort? MoveOriginatorMessageId { get; init; }

    public CommandSet ToCommand()
    {
        CommandSet command = CommandSet.Create(CommandField.CStoreRq, true)
            .SetString(DicomTag.AffectedSOPClassUID, DicomVR.UI, AffectedSopClassUid)
            .SetUInt16(DicomTag.MessageID, MessageId)
            .SetUInt16(DicomTag.Priority, (ushort)Priority)
            .SetString(DicomTag.AffectedSOPInstanceUID, DicomVR.UI, AffectedSopInstanceUid)
            .SetString(DicomTag.MoveOriginatorApplicationEntityTitle, DicomVR.AE, MoveOriginatorAeTitle);
        return MoveOriginatorMessageId is { } id ? command.SetUInt16(DicomTag.MoveOriginatorMessageID, id) : command;
    }

    /// <exception cref="DicomException">A required attribute is missing.</exception>
    public static CStoreRequest FromCommand(CommandSet command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.TryGetUInt16(DicomTag.Priority, out ushort priority);
        return new CStoreRequest(command.MessageId,
            command.AffectedSopClassUid ?? throw new DicomException("C-STORE-RQ without Affected SOP Class UID"),
            command.AffectedSopInstanceUid ?? throw new DicomException("C-STORE-RQ without Affected SOP Instance UID"),
            (DimsePriority)priority)
        {
            MoveOriginatorAeTitle = command.Dataset.GetString(DicomTag.MoveOriginatorApplicationEntityTitle),
            MoveOriginatorMessageId = command.TryGetUInt16(DicomTag.MoveOriginatorMessageID, out ushort id) ? id : null,
        };
    }
}
