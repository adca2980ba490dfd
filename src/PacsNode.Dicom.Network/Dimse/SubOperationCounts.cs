using PacsNode.Dicom.Dictionary;

namespace PacsNode.Dicom.Network.Dimse;

/// <summary>
/// The sub-operation counters of a C-MOVE-RSP or C-GET-RSP (PS3.7 9.3.4.2 and 9.3.3.2). Remaining is present in
/// pending responses only (and optional in a final one with status Cancel); the others are optional in pending
/// responses and expected in the final one.
/// </summary>
public readonly record struct SubOperationCounts(ushort? Remaining, ushort Completed, ushort Failed, ushort Warning)
{
    internal CommandSet WriteTo(CommandSet command)
    {
        if (Remaining is { } remaining)
        {
            command.SetUInt16(DicomTag.NumberOfRemainingSuboperations, remaining);
        }

        return command.SetUInt16(DicomTag.NumberOfCompletedSuboperations, Completed)
            .SetUInt16(DicomTag.NumberOfFailedSuboperations, Failed)
            .SetUInt16(DicomTag.NumberOfWarningSuboperations, Warning);
    }

    internal static SubOperationCounts ReadFrom(CommandSet command) => new(
        command.TryGetUInt16(DicomTag.NumberOfRemainingSuboperations, out ushort remaining) ? remaining : null,
        command.TryGetUInt16(DicomTag.NumberOfCompletedSuboperations, out ushort completed) ? completed : (ushort)0,
        command.TryGetUInt16(DicomTag.NumberOfFailedSuboperations, out ushort failed) ? failed : (ushort)0,
        command.TryGetUInt16(DicomTag.NumberOfWarningSuboperations, out ushort warning) ? warning : (ushort)0);
}
