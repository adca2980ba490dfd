using System.Buffers.Binary;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.Imaging;
using PacsNode.Dicom.Imaging.Codecs.JpegLs;
using PacsNode.Dicom.IO;
using PacsNode.Dicom.IO.Buffers;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Dicom.Tests.Imaging;

/// <summary>
/// Our JPEG-LS encoder in each interleave mode (only line-interleaved is reachable through the registry; the other
/// two are internal) decoded by DCMTK's dcmdjpls (CharLS) to exactly the input RGB pixels, so that the shared-context
/// rules of modes 1 and 2 are checked against an independent implementation, not only against our own decoder.
/// </summary>
[Trait("Category", "Interop")]
public sealed class JpegLsInterleaveInteropTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Encode_RgbInEachInterleaveMode_DcmdjplsDecodesExactly(int interleave)
    {
        string dcmdjpls = RequiresTool.Dcmtk("dcmdjpls");
        CancellationToken ct = TestContext.Current.CancellationToken;
        using var dir = new TempDirectory("jls-interleave");
        var format = new PixelFormat(57, 83, 3, 8, 8, 0, 0, "RGB", 1);
        byte[] native = new byte[format.FrameLength];
        var random = new Random(interleave + 90);
        for (int i = 0; i < native.Length; i++)
        {
            int pixel = i / 3;
            native[i] = (byte)(pixel % 83 < 30 ? 40 * (i % 3) : i % 3 == 1 ? random.Next(256) : pixel / 83 * 4);
        }

        byte[] encoded = new JpegLsCodec(DicomTransferSyntax.JpegLSLossless).Encode(native, format, interleave);
        var ds = new DicomDataset();
        ds.SetString(DicomTag.SOPClassUID, DicomVR.UI, DicomUid.SecondaryCaptureImageStorage);
        ds.SetString(DicomTag.SOPInstanceUID, DicomVR.UI, "2.25.77" + interleave);
        ds.SetString(DicomTag.PhotometricInterpretation, DicomVR.CS, "RGB");
        foreach ((DicomTag tag, int value) in new[]
        {
            (DicomTag.SamplesPerPixel, 3), (DicomTag.PlanarConfiguration, 0), (DicomTag.Rows, 57), (DicomTag.Columns, 83),
            (DicomTag.BitsAllocated, 8), (DicomTag.BitsStored, 8), (DicomTag.HighBit, 7), (DicomTag.PixelRepresentation, 0),
        })
        {
            byte[] bytes = new byte[2];
            BinaryPrimitives.WriteUInt16LittleEndian(bytes, (ushort)value);
            ds.AddOrUpdate(new DicomElement(tag, DicomVR.US, DicomBuffer.FromBytes(bytes)));
        }

        ds.AddOrUpdate(new DicomFragmentSequence(DicomTag.PixelData, DicomVR.OB, null, [DicomBuffer.FromBytes(encoded)]));
        string compressed = dir.Combine("ours.dcm");
        string decoded = dir.Combine("dcmtk.dcm");
        await new DicomFile(new DicomDataset(), ds, DicomTransferSyntax.JpegLSLossless).SaveAsync(compressed, cancellationToken: ct);
        (await ExternalTool.RunAsync(dcmdjpls, [compressed, decoded], cancellationToken: ct)).AssertSuccess();
        DicomFile back = await DicomFile.OpenAsync(decoded, cancellationToken: ct);
        byte[] pixels = ((DicomElement)back.Dataset.Get(DicomTag.PixelData)!).Buffer.Memory[..native.Length].ToArray();
        Assert.Equal(native, pixels);
    }
}
