using System.Buffers;
using System.Buffers.Binary;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Imaging.Codecs;
using PacsNode.Dicom.IO;
using PacsNode.Dicom.Network.Upper;

namespace PacsNode.Dicom.Network.Dimse;

/// <summary>
/// The dataset of a C-STORE that sends a stored Part 10 file: the file's own bytes after its meta information when
/// the accepted context has the stored transfer syntax, else the dataset transcoded (pixel data through
/// <see cref="DicomTranscoder"/>) into an uncompressed syntax the peer accepted. Encoding into a compressed syntax
/// other than the stored one is not done: bare encapsulated datasets cannot be written yet.
/// </summary>
internal static class StorePayload
{
    /// <summary>
    /// The context to send an instance on: one with the stored transfer syntax, else one with an uncompressed syntax;
    /// null when the peer accepted the SOP class in neither.
    /// </summary>
    public static AcceptedPresentationContext? SelectContext(
        IEnumerable<AcceptedPresentationContext> contexts, string sopClassUid, string storedSyntaxUid)
    {
        AcceptedPresentationContext[] candidates = [.. contexts
            .Where(c => string.Equals(c.AbstractSyntax, sopClassUid, StringComparison.Ordinal))
            .OrderBy(c => c.Id)];
        return candidates.FirstOrDefault(c => string.Equals(c.TransferSyntax, storedSyntaxUid, StringComparison.Ordinal))
            ?? candidates.FirstOrDefault(c => IsNative(c.TransferSyntax));
    }

    /// <summary>The proposal for sending instances stored in <paramref name="storedSyntaxUids"/>: those syntaxes
    /// first, then explicit and implicit VR little endian.</summary>
    public static IReadOnlyList<string> ProposedSyntaxes(IEnumerable<string> storedSyntaxUids) =>
        [.. storedSyntaxUids.Append(DicomTransferSyntax.ExplicitVRLittleEndian.Uid).Append(DicomTransferSyntax.ImplicitVRLittleEndian.Uid)
            .Distinct(StringComparer.Ordinal)];

    /// <summary>The dataset bytes of <paramref name="instance"/> in <paramref name="targetSyntaxUid"/>.</summary>
    /// <exception cref="DicomException">The file cannot be read, or its pixel data cannot be transcoded.</exception>
    public static async Task<ReadOnlySequence<byte>> LoadAsync(
        InstanceFile instance, string targetSyntaxUid, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instance);
        byte[] bytes = await File.ReadAllBytesAsync(instance.FilePath, cancellationToken).ConfigureAwait(false);
        if (string.Equals(instance.TransferSyntaxUid, targetSyntaxUid, StringComparison.Ordinal) && DatasetOffset(bytes) is { } offset)
        {
            return new ReadOnlySequence<byte>(bytes, offset, bytes.Length - offset);
        }

        var file = DicomFile.Parse(bytes);
        var target = DicomTransferSyntax.FromUid(targetSyntaxUid);
        if (!IsNative(targetSyntaxUid))
        {
            throw new DicomException($"cannot encode {instance.SopInstanceUid} into {target.Name}: only uncompressed targets are written");
        }

        DicomDataset dataset = DicomTranscoder.ForSyntax(file.Dataset, file.TransferSyntax, target);
        return new ReadOnlySequence<byte>(DicomDatasetCodec.Encode(dataset, target));
    }

    public static bool IsNative(string syntaxUid)
    {
        var syntax = DicomTransferSyntax.FromUid(syntaxUid);
        return !syntax.IsEncapsulated && !syntax.IsDeflated;
    }

    /// <summary>
    /// Where the dataset starts in a Part 10 file: after the 128-byte preamble, "DICM" and the meta group, whose
    /// length (0002,0000) UL, explicit VR little endian, is the first element (PS3.10 7.1). Null when the file does
    /// not have that layout.
    /// </summary>
    private static int? DatasetOffset(byte[] bytes)
    {
        ReadOnlySpan<byte> span = bytes;
        if (span.Length < 144 || !span.Slice(128, 4).SequenceEqual("DICM"u8)
            || BinaryPrimitives.ReadUInt32LittleEndian(span[132..]) != 0x0000_0002 || !span.Slice(136, 2).SequenceEqual("UL"u8))
        {
            return null;
        }

        long end = 144L + BinaryPrimitives.ReadUInt32LittleEndian(span[140..]);
        return end <= span.Length ? (int)end : null;
    }
}
