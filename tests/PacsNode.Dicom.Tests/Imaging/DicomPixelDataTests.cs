using System.Buffers.Binary;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.Imaging;
using PacsNode.Dicom.Imaging.Codecs;
using PacsNode.Dicom.IO;
using PacsNode.Dicom.IO.Buffers;
using Xunit;

namespace PacsNode.Dicom.Tests.Imaging;

public sealed class DicomPixelDataTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetFrame_SignedTwelveBitsWithHighBitGarbage_SignExtendsFromBitsStored()
    {
        // 0x0FFF = -1, 0x0800 = -2048, 0xF7FF (bits above 12 set) = 0x7FF = 2047, 0x0005 = 5.
        DicomDataset ds = Image(rows: 2, columns: 2, stored: 12, signed: true, frames: 1, [0x0FFF, 0x0800, 0xF7FF, 0x0005]);
        ds.SetString(DicomTag.RescaleSlope, DicomVR.DS, "2");
        ds.SetString(DicomTag.RescaleIntercept, DicomVR.DS, "-3");
        PixelFrame frame = (await DicomPixelData.LoadAsync(ds, DicomTransferSyntax.ExplicitVRLittleEndian, Token)).GetFrame(0);
        Assert.Equal(new short[] { -1, -2048, 2047, 5 }, frame.ToInt16());
        Assert.Equal(new float[] { -5, -4099, 4091, 7 }, frame.ToFloat());
        Assert.Throws<DicomException>(() => frame.ToUInt16());
    }

    [Fact]
    public async Task GetFrame_UnsignedSixteenBits_OnlyUInt16AndFloat()
    {
        DicomDataset ds = Image(rows: 1, columns: 2, stored: 16, signed: false, frames: 1, [0xFFFF, 0x8000]);
        PixelFrame frame = (await DicomPixelData.LoadAsync(ds, DicomTransferSyntax.ExplicitVRLittleEndian, Token)).GetFrame(0);
        Assert.Equal(new ushort[] { 65535, 32768 }, frame.ToUInt16());
        Assert.Equal(new float[] { 65535, 32768 }, frame.ToFloat());
        Assert.Equal(PixelRescale.Identity, frame.Rescale);
        Assert.Throws<DicomException>(() => frame.ToInt16());
    }

    [Fact]
    public async Task GetFrame_EnhancedMultiFrame_UsesPerFrameThenSharedThenTopLevelRescale()
    {
        DicomDataset ds = Image(rows: 1, columns: 1, stored: 16, signed: true, frames: 3, [10, 10, 10]);
        ds.SetString(DicomTag.RescaleSlope, DicomVR.DS, "100");
        ds.AddOrUpdate(new DicomSequence(DicomTag.PerFrameFunctionalGroupsSequence,
        [
            Group(DicomTag.PixelValueTransformationSequence, "0.5", "1"),
            new DicomDataset(),
            Group(DicomTag.PixelValueTransformationSequence, "3", "-7"),
        ]));
        ds.AddOrUpdate(new DicomSequence(DicomTag.SharedFunctionalGroupsSequence, [Group(DicomTag.PixelValueTransformationSequence, "2", "0")]));
        DicomPixelData pixels = await DicomPixelData.LoadAsync(ds, DicomTransferSyntax.ExplicitVRLittleEndian, Token);
        Assert.Equal(6f, pixels.GetFrame(0).ToFloat()[0]);
        Assert.Equal(20f, pixels.GetFrame(1).ToFloat()[0]);
        Assert.Equal(23f, pixels.GetFrame(2).ToFloat()[0]);
        ds.Remove(DicomTag.SharedFunctionalGroupsSequence);
        Assert.Equal(1000f, (await DicomPixelData.LoadAsync(ds, DicomTransferSyntax.ExplicitVRLittleEndian, Token)).GetFrame(1).ToFloat()[0]);
    }

    [Fact]
    public void Transcode_DecodingALossySyntax_RecordsTheLossAndItsMethod()
    {
        DicomDataset native = Image(rows: 3, columns: 4, stored: 16, signed: true, frames: 1, [.. Enumerable.Range(0, 12).Select(i => (ushort)(i * 1000))]);
        DicomDataset compressed = DicomTranscoder.ForSyntax(native, DicomTransferSyntax.ExplicitVRLittleEndian, DicomTransferSyntax.FromUid("1.2.840.10008.1.2.4.80"));

        // The same JPEG-LS stream (NEAR = 0) arriving as near-lossless .81: decoded pixels have been through a lossy syntax.
        DicomDataset fromLossy = DicomTranscoder.ForSyntax(compressed, DicomTransferSyntax.FromUid("1.2.840.10008.1.2.4.81"), DicomTransferSyntax.ExplicitVRLittleEndian);
        DicomDataset fromLossless = DicomTranscoder.ForSyntax(compressed, DicomTransferSyntax.FromUid("1.2.840.10008.1.2.4.80"), DicomTransferSyntax.ExplicitVRLittleEndian);

        Assert.Equal("01", fromLossy.GetString(DicomTag.LossyImageCompression));
        Assert.Equal(["ISO_14495_1"], fromLossy.GetStrings(DicomTag.LossyImageCompressionMethod));
        Assert.Null(fromLossless.GetString(DicomTag.LossyImageCompression));
        Assert.Null(compressed.GetString(DicomTag.LossyImageCompression));
    }

    [Theory]
    [InlineData("1.2.840.10008.1.2.5")]
    [InlineData("1.2.840.10008.1.2.4.70")]
    [InlineData("1.2.840.10008.1.2.4.80")]
    public async Task GetFrame_CompressedMultiFrame_DecodesTheAskedFrame(string uid)
    {
        DicomDataset native = Image(rows: 3, columns: 4, stored: 16, signed: true, frames: 2,
            [.. Enumerable.Range(0, 12).Select(i => (ushort)(i * 1000)), .. Enumerable.Range(0, 12).Select(i => (ushort)(65535 - i))]);
        var syntax = DicomTransferSyntax.FromUid(uid);
        DicomDataset compressed = DicomTranscoder.ForSyntax(native, DicomTransferSyntax.ExplicitVRLittleEndian, syntax);
        Assert.IsType<DicomFragmentSequence>(compressed.Get(DicomTag.PixelData));
        DicomPixelData pixels = await DicomPixelData.LoadAsync(compressed, syntax, Token);
        Assert.Equal(2, pixels.FrameCount);
        Assert.Equal(Enumerable.Range(0, 12).Select(i => (short)(-1 - i)), pixels.GetFrame(1).ToInt16());
        Assert.Equal(Enumerable.Range(0, 12).Select(i => (short)(i * 1000)), pixels.GetFrame(0).ToInt16());
        Assert.Throws<ArgumentOutOfRangeException>(() => pixels.GetFrame(2));
    }

    [Theory]
    [InlineData("1.2.840.10008.1.2.4.70")]
    [InlineData("1.2.840.10008.1.2.4.80")]
    public void Transcode_PlanarRgbToJpegFamily_InterleavesAndSetsPlanarConfigurationZero(string uid)
    {
        // 2 pixels, planar: R R G G B B = 1 2 | 3 4 | 5 6 → interleaved R G B R G B = 1 3 5 2 4 6 (PS3.5 8.2.1, 8.2.3).
        var ds = new DicomDataset();
        US(ds, DicomTag.SamplesPerPixel, 3);
        US(ds, DicomTag.PlanarConfiguration, 1);
        ds.SetString(DicomTag.PhotometricInterpretation, DicomVR.CS, "RGB");
        US(ds, DicomTag.Rows, 1);
        US(ds, DicomTag.Columns, 2);
        US(ds, DicomTag.BitsAllocated, 8);
        US(ds, DicomTag.BitsStored, 8);
        US(ds, DicomTag.HighBit, 7);
        US(ds, DicomTag.PixelRepresentation, 0);
        ds.AddOrUpdate(new DicomElement(DicomTag.PixelData, DicomVR.OB, DicomBuffer.FromBytes(new byte[] { 1, 2, 3, 4, 5, 6 })));
        var syntax = DicomTransferSyntax.FromUid(uid);
        DicomDataset compressed = DicomTranscoder.ForSyntax(ds, DicomTransferSyntax.ExplicitVRLittleEndian, syntax);
        Assert.True(compressed.TryGetInt32(DicomTag.PlanarConfiguration, out int planar));
        Assert.Equal(0, planar);
        DicomDataset back = DicomTranscoder.ForSyntax(compressed, syntax, DicomTransferSyntax.ExplicitVRLittleEndian);
        Assert.Equal(new byte[] { 1, 3, 5, 2, 4, 6 }, ((DicomElement)back.Get(DicomTag.PixelData)!).Buffer.Memory.ToArray());
        Assert.True(ds.TryGetInt32(DicomTag.PlanarConfiguration, out int original) && original == 1, "the input is left as it was");
    }

    private static DicomDataset Group(DicomTag sequence, string slope, string intercept)
    {
        var item = new DicomDataset();
        item.SetString(DicomTag.RescaleSlope, DicomVR.DS, slope);
        item.SetString(DicomTag.RescaleIntercept, DicomVR.DS, intercept);
        var group = new DicomDataset();
        group.AddOrUpdate(new DicomSequence(sequence, [item]));
        return group;
    }

    private static DicomDataset Image(int rows, int columns, int stored, bool signed, int frames, ushort[] values)
    {
        var ds = new DicomDataset();
        US(ds, DicomTag.SamplesPerPixel, 1);
        ds.SetString(DicomTag.PhotometricInterpretation, DicomVR.CS, "MONOCHROME2");
        ds.SetString(DicomTag.NumberOfFrames, DicomVR.IS, frames.ToString(System.Globalization.CultureInfo.InvariantCulture));
        US(ds, DicomTag.Rows, rows);
        US(ds, DicomTag.Columns, columns);
        US(ds, DicomTag.BitsAllocated, 16);
        US(ds, DicomTag.BitsStored, stored);
        US(ds, DicomTag.HighBit, stored - 1);
        US(ds, DicomTag.PixelRepresentation, signed ? 1 : 0);
        byte[] bytes = new byte[values.Length * 2];
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(i * 2), values[i]);
        }

        ds.AddOrUpdate(new DicomElement(DicomTag.PixelData, DicomVR.OW, DicomBuffer.FromBytes(bytes)));
        return ds;
    }

    private static void US(DicomDataset ds, DicomTag tag, int value)
    {
        byte[] bytes = new byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, (ushort)value);
        ds.AddOrUpdate(new DicomElement(tag, DicomVR.US, DicomBuffer.FromBytes(bytes)));
    }
}
