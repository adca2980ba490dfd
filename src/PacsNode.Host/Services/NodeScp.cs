using Microsoft.Extensions.Logging;
using PacsNode.Dicom;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO;
using PacsNode.Dicom.Network.Dimse;
using PacsNode.Dicom.Network.Scp;
using PacsNode.Dicom.Network.Upper;
using PacsNode.Pipeline.Announcements;
using PacsNode.Storage;
using PacsNode.Storage.Files;

namespace PacsNode.Host.Services;

/// <summary>
/// The node's Verification and Storage SCP roles: a received dataset becomes a Part 10 file, stored durably before
/// Success is returned: flushed and indexed, or under PowerLoss durability journaled (flushed), renamed into place
/// and indexed right after the answer (<see cref="InstanceArchive.StoreReceivedAsync"/>; queries wait for those
/// rows). Duplicates under the Keep policy answer the warning B006 "elements discarded" (the instance is held, the
/// copy dropped: PS3.4 B.2.3 has no duplicate-specific warning, and a warning still counts as stored for every SCU), a
/// Reject policy answers 0111, a full disk A700, data that cannot be parsed C000 with the reason in the Error Comment.
/// Each store result goes to the pipeline's announcer when it runs (it announces Stored and Replaced only), once the
/// instance is indexed.
/// </summary>
internal sealed class NodeScp(InstanceArchive archive, ILogger logger, IInstanceAnnouncer? announcer = null) : IEchoScp, IStoreScp
{
    private static readonly DicomReaderOptions HeaderOnly = new() { StopAtTag = DicomTag.PixelData };

    public ValueTask<DimseResult> OnCEchoAsync(AssociationParameters association, CEchoRequest request, CancellationToken cancellationToken) =>
        ValueTask.FromResult(DimseResult.Success);

    public async ValueTask<DimseResult> OnCStoreAsync(
        AssociationParameters association, CStoreRequest request, string transferSyntaxUid, DatasetSpool dataset,
        CancellationToken cancellationToken)
    {
        var syntax = DicomTransferSyntax.FromUid(transferSyntaxUid);
        StoreReceipt receipt;
        try
        {
            receipt = dataset.IsInMemory && HeaderSyntax(syntax) is { } headerSyntax
                ? await StoreFromMemoryAsync(request, syntax, headerSyntax, dataset, cancellationToken)
                : StoreReceipt.AlreadyIndexed(await StoreFromSpoolAsync(request, syntax, dataset, cancellationToken));
        }
        catch (DicomException ex)
        {
            Log.StoreRefused(logger, request.AffectedSopInstanceUid, ex.Message);
            return new DimseResult(StoreStatus.CannotUnderstand, ex.Message);
        }

        StoreResult result = receipt.Store;
        if (announcer is not null)
        {
            if (receipt.Indexed.IsCompletedSuccessfully)
            {
                await announcer.AnnounceAsync(association.CallingAeTitle, result, cancellationToken);
            }
            else
            {
                _ = AnnounceWhenIndexedAsync(announcer, association.CallingAeTitle, receipt);
            }
        }

        return result.Outcome switch
        {
            StoreOutcome.Stored or StoreOutcome.Replaced => DimseResult.Success,
            StoreOutcome.Duplicate => new DimseResult(StoreStatus.ElementsDiscarded,
                "duplicate SOP Instance UID: the stored instance is kept, this copy discarded"),
            StoreOutcome.Rejected => new DimseResult(StoreStatus.DuplicateSopInstance, "an instance with this SOP Instance UID is already stored"),
            StoreOutcome.OutOfResources => new DimseResult(StoreStatus.OutOfResources, "the node's disk is below its free-space threshold"),
            _ => new DimseResult(DicomStatus.ProcessingFailure, $"unexpected store outcome {result.Outcome}"),
        };
    }

    /// <summary>
    /// The syntax to parse the header (everything before Pixel Data) of a bare dataset in <paramref name="syntax"/>
    /// with: the syntax itself when native, explicit VR little endian for the encapsulated ones (PS3.5 A.4: all of
    /// them encode the dataset so, only the pixel data differs); null for deflated data, which must be inflated.
    /// </summary>
    private static DicomTransferSyntax? HeaderSyntax(DicomTransferSyntax syntax) => syntax switch
    {
        { IsDeflated: true } => null,
        { IsEncapsulated: true } => syntax.IsBigEndian ? null : DicomTransferSyntax.ExplicitVRLittleEndian,
        _ => syntax,
    };

    /// <summary>
    /// Announces an instance whose index row is committed behind the answer once it is: the pipeline reads the index.
    /// A failed commit is logged by the store and not announced (the next start's replay indexes it, and the
    /// pipeline's startup scan finds its series).
    /// </summary>
    private static async Task AnnounceWhenIndexedAsync(IInstanceAnnouncer announcer, string callingAeTitle, StoreReceipt receipt)
    {
        await receipt.Indexed.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (receipt.Indexed.IsCompletedSuccessfully)
        {
            await announcer.AnnounceAsync(callingAeTitle, receipt.Store, CancellationToken.None);
        }
    }

    /// <summary>
    /// The common case, a dataset held in memory: its header is parsed where it lies, and the file is written from
    /// the Part 10 header and the received fragments in one gathered write, with no copy of the dataset.
    /// Under PowerLoss durability the receipt comes back once the instance is durable, its index row following.
    /// </summary>
    private async Task<StoreReceipt> StoreFromMemoryAsync(
        CStoreRequest request, DicomTransferSyntax syntax, DicomTransferSyntax headerSyntax, DatasetSpool dataset,
        CancellationToken cancellationToken)
    {
        DicomDataset header = DicomDatasetCodec.Decode(dataset.GetSequence(), headerSyntax, HeaderOnly);
        using var meta = new MemoryStream(512);
        await DicomFile.WriteHeaderAsync(meta, request.AffectedSopClassUid, request.AffectedSopInstanceUid, syntax, cancellationToken);
        IReadOnlyList<ReadOnlyMemory<byte>> body = dataset.GetSegments();
        var part10 = new List<ReadOnlyMemory<byte>>(body.Count + 1) { meta.GetBuffer().AsMemory(0, (int)meta.Length) };
        part10.AddRange(body);
        return await archive.StoreReceivedAsync(part10, header, syntax.Uid, cancellationToken);
    }

    /// <summary>A dataset spooled to disk (or deflated): copied behind its Part 10 header and read back by the store.</summary>
    private async Task<StoreResult> StoreFromSpoolAsync(
        CStoreRequest request, DicomTransferSyntax syntax, DatasetSpool dataset, CancellationToken cancellationToken)
    {
        using var part10 = new MemoryStream();
        await DicomFile.WriteHeaderAsync(part10, request.AffectedSopClassUid, request.AffectedSopInstanceUid, syntax, cancellationToken);
        await dataset.CopyToAsync(part10, cancellationToken);
        part10.Position = 0;
        return await archive.StoreAsync(part10, cancellationToken);
    }
}
