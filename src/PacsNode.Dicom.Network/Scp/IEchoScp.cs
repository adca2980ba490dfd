using PacsNode.Dicom.Network.Dimse;
using PacsNode.Dicom.Network.Upper;

namespace PacsNode.Dicom.Network.Scp;

/// <summary>The Verification SOP class SCP role (PS3.4 Annex A).</summary>
public interface IEchoScp
{
    ValueTask<DimseResult> OnCEchoAsync(AssociationParameters association, CEchoRequest request, CancellationToken cancellationToken);
}
