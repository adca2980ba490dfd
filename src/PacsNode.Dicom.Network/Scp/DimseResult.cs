using PacsNode.Dicom.Network.Dimse;

namespace PacsNode.Dicom.Network.Scp;

/// <summary>What an SCP role answers: a status and an optional Error Comment (0000,0902).</summary>
public sealed record DimseResult(DicomStatus Status, string? ErrorComment = null)
{
    public static DimseResult Success { get; } = new(DicomStatus.Success);
}
