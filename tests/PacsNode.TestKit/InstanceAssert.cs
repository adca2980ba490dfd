using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.Imaging.Codecs;
using PacsNode.Dicom.IO;

namespace PacsNode.TestKit;

/// <summary>Assertions on sets of Part 10 files that went through a peer and came back.</summary>
public static class InstanceAssert
{
    /// <summary>
    /// Same SOP Instance UIDs, and pixel data equal once both sides are decoded to explicit VR little endian (a
    /// compressed file may come back as sent or transcoded, depending on what the receiver accepted).
    /// </summary>
    public static async Task SameInstancesAsync(IEnumerable<string> sent, IEnumerable<string> received, CancellationToken cancellationToken)
    {
        Dictionary<string, byte[]> expected = await NativePixelsAsync(sent, cancellationToken);
        Dictionary<string, byte[]> actual = await NativePixelsAsync(received, cancellationToken);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach ((string uid, byte[] pixels) in expected)
        {
            Assert.Equal(pixels, actual[uid]);
        }
    }

    private static async Task<Dictionary<string, byte[]>> NativePixelsAsync(IEnumerable<string> files, CancellationToken cancellationToken)
    {
        var pixels = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (string path in files)
        {
            DicomFile file = await DicomFile.OpenAsync(path, null, cancellationToken);
            DicomDataset native = DicomTranscoder.ForSyntax(file.Dataset, file.TransferSyntax, DicomTransferSyntax.ExplicitVRLittleEndian);
            pixels[file.Dataset.GetString(DicomTag.SOPInstanceUID)!] = ((DicomElement)native.Get(DicomTag.PixelData)!).Buffer.Memory.ToArray();
        }

        return pixels;
    }
}
