using PacsNode.Dicom.Dictionary;

namespace PacsNode.Dicom.Network.Dimse;

/// <summary>
/// C-FIND-RSP (PS3.7 9.3.2.2). Pending responses carry a matching identifier as their dataset; the final one
/// (success, cancel or failure) carries none.
/// </summary>
public sealed record CFindResponse(ushort MessageIdBeingRespondedTo, string AffectedSopClassUid, DicomStatus Status)
{
    /// <summary>Error Comment (0000,0902), LO: cut to 64 characters when encoded.</summary>
    public string? ErrorComment { get; init; }

    /// <summary>Offending Element (0000,0901) of a failure: the keys of the identifier at fault.</summary>
    public IReadOnlyList<DicomTag> OffendingElements { get; init; } = [];

    public bool HasIdentifier => Status.Category == StatusCategory.Pending;

    public CommandSet ToCommand() => CommandSet.Create(CommandField.CFindRsp, HasIdentifier)
        .SetString(DicomTag.AffectedSOPClassUID, DicomVR.UI, AffectedSopClassUid)
        .SetUInt16(DicomTag.MessageIDBeingRespondedTo, MessageIdBeingRespondedTo)
        .SetUInt16(DicomTag.Status, Status.Code)
        .SetTags(DicomTag.OffendingElement, OffendingElements)
        .SetString(DicomTag.ErrorComment, DicomVR.LO, CommandSet.CutComment(ErrorComment));

    public static CFindResponse FromCommand(CommandSet command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return new CFindResponse(command.MessageIdBeingRespondedTo, command.AffectedSopClassUid ?? string.Empty, command.Status)
        {
            ErrorComment = command.Dataset.GetString(DicomTag.ErrorComment),
            OffendingElements = command.GetTags(DicomTag.OffendingElement),
        };
    }
}
