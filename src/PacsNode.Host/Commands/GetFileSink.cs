using PacsNode.Dicom.IO;
using PacsNode.Dicom.Network.Dimse;
using PacsNode.Dicom.Network.Scp;
using PacsNode.Dicom.Network.Upper;

namespace PacsNode.Host.Commands;

/// <summary>
/// Where <c>pacsnode get</c> puts the C-STORE sub-operations: <c>FOLDER/&lt;SOP Instance UID&gt;.dcm</c>, a Part 10
/// file in the syntax the instance arrived in, written to a temporary name and renamed. A UID that is not a safe
/// file name is refused with C000.
/// </summary>
internal sealed class GetFileSink(string folder) : IStoreScp
{
    public async ValueTask<DimseResult> OnCStoreAsync(
        AssociationParameters association, CStoreRequest request, string transferSyntaxUid, DatasetSpool dataset,
        CancellationToken cancellationToken)
    {
        string uid = request.AffectedSopInstanceUid;
        if (uid.Length == 0 || !uid.All(c => char.IsAsciiDigit(c) || c == '.'))
        {
            return new DimseResult(StoreStatus.CannotUnderstand, "the SOP Instance UID is not a valid UID");
        }

        string path = Path.Combine(folder, uid + ".dcm");
        string temporary = path + ".part";
        await using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, true))
        {
            await DicomFile.WriteHeaderAsync(file, request.AffectedSopClassUid, uid, DicomTransferSyntax.FromUid(transferSyntaxUid),
                cancellationToken);
            await dataset.CopyToAsync(file, cancellationToken);
        }

        File.Move(temporary, path, overwrite: true);
        return DimseResult.Success;
    }
}
