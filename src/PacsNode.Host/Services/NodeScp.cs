using System.Buffers.Binary;
using System.Text;
using Microsoft.Extensions.Logging;
using PacsNode.Dicom;
using PacsNode.Dicom.Network.Dimse;
using PacsNode.Dicom.Network.Scp;
using PacsNode.Dicom.Network.Upper;
using PacsNode.Storage;
using PacsNode.Storage.Files;

namespace PacsNode.Host.Services;

/// <summary>
/// The node's Verification and Storage SCP roles: a received dataset becomes a Part 10 file, stored durably and
/// indexed before Success is returned (the archive fsyncs and commits first). Duplicates under the Keep policy
/// answer Success (the instance is held), a Reject policy answers 0111, a full disk A700, data that cannot be
/// parsed C000 with the reason in the Error Comment.
/// </summary>
internal sealed class NodeScp(InstanceArchive archive, ILogger logger) : IEchoScp, IStoreScp
{
    public ValueTask<DimseResult> OnCEchoAsync(AssociationParameters association, CEchoRequest request, CancellationToken cancellationToken) =>
        ValueTask.FromResult(DimseResult.Success);

    public async ValueTask<DimseResult> OnCStoreAsync(
        AssociationParameters association, CStoreRequest request, string transferSyntaxUid, DatasetSpool dataset,
        CancellationToken cancellationToken)
    {
        using var part10 = new MemoryStream();
        WriteMetaHeader(part10, request.AffectedSopClassUid, request.AffectedSopInstanceUid, transferSyntaxUid);
        await dataset.CopyToAsync(part10, cancellationToken);
        part10.Position = 0;
        StoreResult result;
        try
        {
            result = await archive.StoreAsync(part10, cancellationToken);
        }
        catch (DicomException ex)
        {
            Log.StoreRefused(logger, request.AffectedSopInstanceUid, ex.Message);
            return new DimseResult(StoreStatus.CannotUnderstand, ex.Message);
        }

        return result.Outcome switch
        {
            StoreOutcome.Stored or StoreOutcome.Replaced or StoreOutcome.Duplicate => DimseResult.Success,
            StoreOutcome.Rejected => new DimseResult(StoreStatus.DuplicateSopInstance, "an instance with this SOP Instance UID is already stored"),
            StoreOutcome.OutOfResources => new DimseResult(StoreStatus.OutOfResources, "the node's disk is below its free-space threshold"),
            _ => new DimseResult(DicomStatus.ProcessingFailure, $"unexpected store outcome {result.Outcome}"),
        };
    }

    /// <summary>Preamble, DICM and a minimal meta group (PS3.10 7.1) in front of the received dataset bytes.</summary>
    private static void WriteMetaHeader(Stream output, string sopClass, string sopInstance, string transferSyntax)
    {
        var meta = new MemoryStream();
        Element(meta, 0x0001, "OB", [0, 1]);
        Element(meta, 0x0002, "UI", Uid(sopClass));
        Element(meta, 0x0003, "UI", Uid(sopInstance));
        Element(meta, 0x0010, "UI", Uid(transferSyntax));
        Element(meta, 0x0012, "UI", Uid(DicomImplementation.ClassUid));
        Element(meta, 0x0013, "SH", Encoding.ASCII.GetBytes(DicomImplementation.VersionName));
        output.Write(new byte[128]);
        output.Write("DICM"u8);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(length, (uint)meta.Length);
        Element(output, 0x0000, "UL", length.ToArray());
        meta.Position = 0;
        meta.CopyTo(output);
    }

    private static byte[] Uid(string uid)
    {
        byte[] bytes = Encoding.ASCII.GetBytes(uid);
        return (bytes.Length & 1) == 1 ? [.. bytes, 0] : bytes;
    }

    private static void Element(Stream output, ushort element, string vr, byte[] value)
    {
        byte[] padded = (value.Length & 1) == 1 ? [.. value, (byte)' '] : value;
        Span<byte> header = stackalloc byte[12];
        BinaryPrimitives.WriteUInt16LittleEndian(header, 0x0002);
        BinaryPrimitives.WriteUInt16LittleEndian(header[2..], element);
        header[4] = (byte)vr[0];
        header[5] = (byte)vr[1];
        if (vr == "OB")
        {
            header[6] = 0;
            header[7] = 0;
            BinaryPrimitives.WriteUInt32LittleEndian(header[8..], (uint)padded.Length);
            output.Write(header);
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(header[6..], (ushort)padded.Length);
            output.Write(header[..8]);
        }

        output.Write(padded);
    }
}
