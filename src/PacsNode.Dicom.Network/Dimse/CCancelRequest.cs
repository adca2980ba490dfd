namespace PacsNode.Dicom.Network.Dimse;

/// <summary>C-CANCEL-RQ (PS3.7 9.3.2.3): asks to stop the C-FIND, C-GET or C-MOVE with this message id. It has no
/// response; the operation ends with status FE00 (Cancel).</summary>
public sealed record CCancelRequest(ushort MessageIdBeingRespondedTo)
{
    public CommandSet ToCommand() => CommandSet.Create(CommandField.CCancelRq, false)
        .SetUInt16(Dictionary.DicomTag.MessageIDBeingRespondedTo, MessageIdBeingRespondedTo);

    public static CCancelRequest FromCommand(CommandSet command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return new CCancelRequest(command.MessageIdBeingRespondedTo);
    }
}
