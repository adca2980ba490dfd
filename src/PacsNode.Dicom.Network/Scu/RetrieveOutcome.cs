using PacsNode.Dicom.Network.Dimse;

namespace PacsNode.Dicom.Network.Scu;

/// <summary>The final response of a C-MOVE or C-GET: status, counts, and the Failed SOP Instance UID List.</summary>
public sealed record RetrieveOutcome(
    DicomStatus Status, SubOperationCounts Counts, IReadOnlyList<string> FailedSopInstanceUids, string? ErrorComment);
