using PacsNode.Dicom.Data;
using PacsNode.Dicom.Network.Dimse;
using PacsNode.Dicom.Network.Upper;

namespace PacsNode.Dicom.Network.Scp;

/// <summary>
/// The C-FIND SCP role of the Query/Retrieve SOP classes (PS3.4 C.4.1). The dispatcher sends one pending response
/// per match as it is enumerated, stops at a C-CANCEL (final status FE00), and ends with Success; an exception from
/// the call or the enumeration becomes A700 (I/O) or C000.
/// </summary>
public interface IFindScp
{
    ValueTask<FindResult> OnCFindAsync(
        AssociationParameters association, CFindRequest request, DicomDataset identifier, CancellationToken cancellationToken);
}
