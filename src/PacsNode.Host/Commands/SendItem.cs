using System.Buffers.Binary;
using PacsNode.Dicom;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO;

namespace PacsNode.Host.Commands;

/// <summary>One Part 10 file to send: what its meta header says, read without the pixel data.</summary>
internal sealed record SendItem(string Path, string SopClassUid, string SopInstanceUid, DicomTransferSyntax TransferSyntax)
{
    /// <summary>Every file named, folders searched recursively, in ordinal path order within each folder.</summary>
    public static IEnumerable<string> Expand(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                {
                    yield return file;
                }
            }
            else
            {
                yield return path;
            }
        }
    }

    /// <summary>Reads the meta header; null with a reason when the file cannot be sent.</summary>
    public static async Task<(SendItem? Item, string? Problem)> ReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            var file = await DicomFile.OpenAsync(path, new DicomReaderOptions { StopAtTag = DicomTag.PixelData }, cancellationToken);
            // The dataset's UIDs are what the peer checks the C-STORE-RQ against; the meta header can disagree.
            var sopClass = file.Dataset.GetString(DicomTag.SOPClassUID) ?? file.FileMetaInformation.GetString(DicomTag.MediaStorageSOPClassUID);
            var sopInstance = file.Dataset.GetString(DicomTag.SOPInstanceUID)
                              ?? file.FileMetaInformation.GetString(DicomTag.MediaStorageSOPInstanceUID);
            if (!file.HasMetaInformation || string.IsNullOrEmpty(sopClass) || string.IsNullOrEmpty(sopInstance))
            {
                return (null, "not a DICOM Part 10 file with SOP Class and Instance UIDs");
            }

            return (new SendItem(path, sopClass, sopInstance, file.TransferSyntax), null);
        }
        catch (Exception ex) when (ex is DicomException or IOException or UnauthorizedAccessException)
        {
            return (null, ex.Message);
        }
    }

    /// <summary>
    /// The encoded dataset as stored, in <see cref="TransferSyntax"/>: the file's bytes after the preamble and the
    /// explicit VR little endian group 0002 (PS3.10 7.1).
    /// </summary>
    /// <exception cref="DicomException">The file changed since it was read, or its meta group is malformed.</exception>
    public async Task<ReadOnlyMemory<byte>> ReadDatasetAsync(CancellationToken cancellationToken)
    {
        var bytes = await File.ReadAllBytesAsync(Path, cancellationToken);
        return bytes.AsMemory(DatasetOffset(bytes));
    }

    private int DatasetOffset(byte[] bytes)
    {
        const int Start = 128 + 4;
        if (bytes.Length < Start || bytes[128] != 'D' || bytes[129] != 'I' || bytes[130] != 'C' || bytes[131] != 'M')
        {
            throw new DicomException($"{Path}: no DICM prefix");
        }

        var offset = Start;
        while (offset + 8 <= bytes.Length && BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(offset)) == 0x0002)
        {
            var vr = (char)bytes[offset + 4] + ((char)bytes[offset + 5]).ToString();
            long length;
            if (vr is "OB" or "OD" or "OF" or "OL" or "OV" or "OW" or "SQ" or "SV" or "UC" or "UN" or "UR" or "UT" or "UV")
            {
                length = offset + 12 <= bytes.Length ? BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(offset + 8)) : long.MaxValue;
                offset += 12;
            }
            else
            {
                length = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(offset + 6));
                offset += 8;
            }

            if (length > bytes.Length - offset)
            {
                throw new DicomException($"{Path}: the file meta information runs past the end of the file");
            }

            offset += (int)length;
        }

        return offset;
    }
}
