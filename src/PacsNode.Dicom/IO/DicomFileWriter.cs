using System.IO.Compression;
using System.Text;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.Imaging.Codecs;
using PacsNode.Dicom.IO.Buffers;

namespace PacsNode.Dicom.IO;

/// <summary>
/// Writes Part 10 files: preamble, "DICM", file meta information rebuilt for this writer (PS3.10 7.1), then the
/// dataset in the requested encoding, deflated where asked (PS3.5 A.5). Pixel data moves between native and
/// encapsulated forms through <see cref="DicomTranscoder"/>; where no codec exists the write fails with a clear
/// error rather than producing a file whose pixels contradict its transfer syntax.
/// </summary>
internal static class DicomFileWriter
{
    private static readonly DicomTag SopClassUid = new(0x0008, 0x0016);
    private static readonly DicomTag SopInstanceUid = new(0x0008, 0x0018);

    public static async Task WriteAsync(DicomFile file, Stream destination, DicomWriteOptions options, CancellationToken ct)
    {
        DicomTransferSyntax syntax = options.TransferSyntax ?? file.TransferSyntax;
        DicomDataset dataset = DicomTranscoder.ForSyntax(file.Dataset, file.TransferSyntax, syntax);
        DicomDataset meta = BuildMeta(
            file.FileMetaInformation, Uid(file.Dataset, SopClassUid), Uid(file.Dataset, SopInstanceUid), syntax);
        ReadOnlyMemory<byte> preamble = options.KeepPreamble && file.Preamble.Length == 128 ? file.Preamble : new byte[128];
        await WriteHeaderAsync(meta, preamble, destination, ct).ConfigureAwait(false);
        await WriteDatasetAsync(dataset, syntax, destination, options, ct).ConfigureAwait(false);
    }

    /// <summary>Preamble, "DICM" and the meta group, always explicit VR little endian (PS3.10 7.1).</summary>
    public static async Task WriteHeaderAsync(DicomDataset meta, ReadOnlyMemory<byte> preamble, Stream destination, CancellationToken ct)
    {
        using var head = new EncodedParts();
        head.Write(preamble.Span);
        head.Write("DICM"u8);
        new DicomDatasetWriter(true, false, SequenceLengthEncoding.Keep, false).Write(meta, head);
        await head.CopyToAsync(destination, ct).ConfigureAwait(false);
    }

    /// <summary>Writes a bare dataset in a transfer syntax (deflating when it says so).</summary>
    public static async Task WriteDatasetAsync(
        DicomDataset dataset, DicomTransferSyntax syntax, Stream destination, DicomWriteOptions options, CancellationToken ct)
    {
        using var body = new EncodedParts();
        var writer = new DicomDatasetWriter(syntax.IsExplicitVR, syntax.IsBigEndian, options.SequenceLengths, options.RemoveGroupLengths);
        writer.Write(dataset, body);
        if (!syntax.IsDeflated)
        {
            await body.CopyToAsync(destination, ct).ConfigureAwait(false);
            return;
        }

        var deflate = new DeflateStream(destination, options.DeflateLevel, leaveOpen: true);
        await using (deflate.ConfigureAwait(false))
        {
            await body.CopyToAsync(deflate, ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The meta information this writer vouches for: the other group 0002 elements kept, its own implementation,
    /// the dataset's SOP identity. The group length is a placeholder that the dataset writer recomputes.
    /// </summary>
    public static DicomDataset BuildMeta(
        IEnumerable<DicomItem> existing, DicomBuffer? sopClassUid, DicomBuffer? sopInstanceUid, DicomTransferSyntax syntax)
    {
        var meta = new DicomDataset();
        foreach (DicomItem item in existing)
        {
            if (item.Tag.Group == 0x0002 && !item.Tag.IsGroupLength)
            {
                meta.AddOrUpdate(item);
            }
        }

        meta.AddOrUpdate(new DicomElement(new DicomTag(0x0002, 0x0000), DicomVR.UL, DicomBuffer.FromBytes(new byte[4])));
        meta.AddOrUpdate(new DicomElement(new DicomTag(0x0002, 0x0001), DicomVR.OB, DicomBuffer.FromBytes(new byte[] { 0, 1 })));
        if (sopClassUid is not null)
        {
            meta.AddOrUpdate(new DicomElement(new DicomTag(0x0002, 0x0002), DicomVR.UI, sopClassUid));
        }

        if (sopInstanceUid is not null)
        {
            meta.AddOrUpdate(new DicomElement(new DicomTag(0x0002, 0x0003), DicomVR.UI, sopInstanceUid));
        }

        meta.AddOrUpdate(Ascii(new DicomTag(0x0002, 0x0010), DicomVR.UI, syntax.Uid));
        meta.AddOrUpdate(Ascii(new DicomTag(0x0002, 0x0012), DicomVR.UI, DicomImplementation.ClassUid));
        meta.AddOrUpdate(Ascii(new DicomTag(0x0002, 0x0013), DicomVR.SH, DicomImplementation.VersionName));
        return meta;
    }

    private static DicomBuffer? Uid(DicomDataset dataset, DicomTag tag) =>
        dataset.Get(tag) is DicomElement { IsEmpty: false } uid ? uid.Buffer : null;

    private static DicomElement Ascii(DicomTag tag, DicomVR vr, string value) =>
        new(tag, vr, DicomBuffer.FromBytes(Encoding.ASCII.GetBytes(value)));
}
