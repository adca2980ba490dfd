using System.Collections.Concurrent;
using PacsNode.Dicom.Network.Dimse;
using PacsNode.Dicom.Network.Scp;
using PacsNode.Dicom.Network.Upper;

namespace PacsNode.Dicom.Network.Tests.QueryRetrieve;

/// <summary>A C-GET sink that keeps each received dataset's bytes and transfer syntax by SOP Instance UID.</summary>
internal sealed class RecordingSink : IStoreScp
{
    public ConcurrentDictionary<string, (string Syntax, byte[] Bytes)> Received { get; } = new(StringComparer.Ordinal);

    public async ValueTask<DimseResult> OnCStoreAsync(
        AssociationParameters association, CStoreRequest request, string transferSyntaxUid, DatasetSpool dataset,
        CancellationToken cancellationToken)
    {
        using var copy = new MemoryStream();
        await dataset.CopyToAsync(copy, cancellationToken);
        Received[request.AffectedSopInstanceUid] = (transferSyntaxUid, copy.ToArray());
        return DimseResult.Success;
    }
}
