using PacsNode.Dicom.Network.Dimse;

namespace PacsNode.Dicom.Network.Scp;

/// <summary>
/// Counts the C-STORE sub-operations of one C-MOVE or C-GET and decides the final status (PS3.4 C.4.2.1.5 and
/// C.4.3.1.4): Success when all completed, A702 when all failed, B000 when some failed or warned, FE00 when
/// cancelled. Counts above 65535 are reported as 65535 (the attributes are US).
/// </summary>
internal sealed class SubOperationTally(int total)
{
    private readonly List<string> _failed = [];

    public int Completed { get; private set; }

    public int Warning { get; private set; }

    public int Failed => _failed.Count;

    public int Remaining => total - Completed - Warning - Failed;

    public IReadOnlyList<string> FailedSopInstanceUids => _failed;

    public void Record(string sopInstanceUid, DicomStatus status)
    {
        switch (status.Category)
        {
            case StatusCategory.Success:
                Completed++;
                break;
            case StatusCategory.Warning:
                Warning++;
                break;
            default:
                _failed.Add(sopInstanceUid);
                break;
        }
    }

    public SubOperationCounts Pending => new(Clamp(Remaining), Clamp(Completed), Clamp(Failed), Clamp(Warning));

    /// <summary>The final counts: Remaining only when cancelled (PS3.7 C.4.2.1.5 allows it there).</summary>
    public SubOperationCounts Final(bool cancelled) => new(cancelled ? Clamp(Remaining) : null, Clamp(Completed), Clamp(Failed), Clamp(Warning));

    public DicomStatus FinalStatus(bool cancelled) =>
        cancelled ? QueryRetrieveStatus.Cancel
        : Failed == 0 && Warning == 0 ? QueryRetrieveStatus.Success
        : Completed == 0 && Warning == 0 ? QueryRetrieveStatus.OutOfResourcesSubOperations
        : QueryRetrieveStatus.SubOperationsCompleteWithFailures;

    private static ushort Clamp(int value) => (ushort)Math.Min(value, ushort.MaxValue);
}
