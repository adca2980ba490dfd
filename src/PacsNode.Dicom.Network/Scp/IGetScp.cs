using PacsNode.Dicom.Data;
using PacsNode.Dicom.Network.Dimse;
using PacsNode.Dicom.Network.Upper;

namespace PacsNode.Dicom.Network.Scp;

/// <summary>
/// The C-GET SCP role (PS3.4 C.4.3): which instances an identifier selects. The dispatcher sends them as C-STORE
/// sub-operations on the requesting association.
/// </summary>
public interface IGetScp
{
    ValueTask<RetrieveResult> OnCGetAsync(
        AssociationParameters association, CGetRequest request, DicomDataset identifier, CancellationToken cancellationToken);
}
