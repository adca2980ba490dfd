using PacsNode.Dicom.Network.Dimse;
using PacsNode.Dicom.Network.Upper;

namespace PacsNode.Dicom.Network.Scp;

/// <summary>
/// The Storage SOP class SCP role (PS3.4 Annex B). The dataset is in the transfer syntax given, spooled
/// in memory or a temporary file that is deleted after the call: keep what you need before returning Success.
/// </summary>
public interface IStoreScp
{
    ValueTask<DimseResult> OnCStoreAsync(
        AssociationParameters association, CStoreRequest request, string transferSyntaxUid, DatasetSpool dataset,
        CancellationToken cancellationToken);
}
