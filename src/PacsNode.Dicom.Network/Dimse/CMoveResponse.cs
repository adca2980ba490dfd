using PacsNode.Dicom.Dictionary;

namespace PacsNode.Dicom.Network.Dimse;

/// <summary>
/// C-MOVE-RSP (PS3.7 9.3.4.2): one pending response per completed sub-operation, then a final one. When
/// sub-operations failed, the final response carries an identifier with Failed SOP Instance UID List (0008,0058),
/// which the sender builds; <see cref="HasIdentifier"/> says whether one follows.
/// </summary>
public sealed record CMoveResponse(
    ushort MessageIdBeingRespondedTo, string AffectedSopClassUid, DicomStatus Status, SubOperationCounts Counts)
{
    /// <summary>Error Comment (0000,0902), LO: cut to 64 characters when encoded.</summary>
    public string? ErrorComment { get; init; }

    public bool HasIdentifier { get; init; }

    public CommandSet ToCommand() => Counts.WriteTo(CommandSet.Create(CommandField.CMoveRsp, HasIdentifier)
            .SetString(DicomTag.AffectedSOPClassUID, DicomVR.UI, AffectedSopClassUid)
            .SetUInt16(DicomTag.MessageIDBeingRespondedTo, MessageIdBeingRespondedTo)
            .SetUInt16(DicomTag.Status, Status.Code))
        .SetString(DicomTag.ErrorComment, DicomVR.LO, CommandSet.CutComment(ErrorComment));

    public static CMoveResponse FromCommand(CommandSet command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return new CMoveResponse(command.MessageIdBeingRespondedTo, command.AffectedSopClassUid ?? string.Empty, command.Status,
            SubOperationCounts.ReadFrom(command))
        {
            ErrorComment = command.Dataset.GetString(DicomTag.ErrorComment),
            HasIdentifier = command.HasDataset,
        };
    }
}
