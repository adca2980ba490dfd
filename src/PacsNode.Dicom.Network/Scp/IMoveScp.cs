using PacsNode.Dicom.Data;
using PacsNode.Dicom.Network.Dimse;
using PacsNode.Dicom.Network.Upper;

namespace PacsNode.Dicom.Network.Scp;

/// <summary>
/// The C-MOVE SCP role (PS3.4 C.4.2): where a destination AE title is, and which instances an identifier selects.
/// The dispatcher opens the association to the destination and runs the C-STORE sub-operations.
/// </summary>
public interface IMoveScp
{
    /// <summary>The destination's address, or null when the AE title is unknown (answered A801).</summary>
    ValueTask<MoveDestination?> ResolveDestinationAsync(
        AssociationParameters association, string aeTitle, CancellationToken cancellationToken);

    ValueTask<RetrieveResult> OnCMoveAsync(
        AssociationParameters association, CMoveRequest request, DicomDataset identifier, CancellationToken cancellationToken);
}
