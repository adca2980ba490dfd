using System.Buffers.Binary;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.Imaging.Codecs;
using PacsNode.Dicom.IO.Buffers;
using Xunit;

namespace PacsNode.Dicom.Tests.Imaging;

public sealed class EncapsulatedFramesTests
{
    [Fact]
    public void Split_FramesOverSeveralFragments_FollowsTheBasicOffsetTable()
    {
        // PS3.5 A.4: offsets count from the first fragment's item tag; each fragment is 8 header bytes + value.
        // Frame 1 = fragments [1,2] and [3,4,5,6]; frame 2 = [7,8] → offsets 0 and (8+2)+(8+4) = 22.
        byte[] table = new byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(table.AsSpan(4), 22);
        var pixels = new DicomFragmentSequence(DicomTag.PixelData, DicomVR.OB, DicomBuffer.FromBytes(table),
            [DicomBuffer.FromBytes(new byte[] { 1, 2 }), DicomBuffer.FromBytes(new byte[] { 3, 4, 5, 6 }), DicomBuffer.FromBytes(new byte[] { 7, 8 })]);
        List<byte[]> frames = EncapsulatedFrames.Split(pixels, 2);
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5, 6 }, frames[0]);
        Assert.Equal(new byte[] { 7, 8 }, frames[1]);
    }

    [Fact]
    public void Split_OneFrameWithoutTable_JoinsAllFragments()
    {
        var pixels = new DicomFragmentSequence(DicomTag.PixelData, DicomVR.OB, null,
            [DicomBuffer.FromBytes(new byte[] { 1, 2 }), DicomBuffer.FromBytes(new byte[] { 3, 4 })]);
        Assert.Equal(new byte[] { 1, 2, 3, 4 }, Assert.Single(EncapsulatedFrames.Split(pixels, 1)));
    }

    [Fact]
    public void Split_MoreFragmentsThanFramesWithoutTable_IsRefused()
    {
        var pixels = new DicomFragmentSequence(DicomTag.PixelData, DicomVR.OB, null,
            [DicomBuffer.FromBytes(new byte[] { 1, 2 }), DicomBuffer.FromBytes(new byte[] { 3, 4 }), DicomBuffer.FromBytes(new byte[] { 5, 6 })]);
        Assert.Throws<DicomCodecException>(() => EncapsulatedFrames.Split(pixels, 2));
    }
}
