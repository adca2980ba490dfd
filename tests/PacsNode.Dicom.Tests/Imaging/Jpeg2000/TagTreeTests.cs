using PacsNode.Dicom.Imaging.Codecs;
using PacsNode.Dicom.Imaging.Codecs.Jpeg2000;
using Xunit;

namespace PacsNode.Dicom.Tests.Imaging.Jpeg2000;

/// <summary>Tag trees and packet header bits decoded from sequences worked out by hand from T.800 B.10.1 and B.10.2.</summary>
public sealed class TagTreeTests
{
    [Fact]
    public void DecodeValue_TwoLeavesUnderOneRoot_FollowsB102()
    {
        // Leaves 1 and 3 under a root of 1. Leaf 0: root "0 1" (not 0, is 1), leaf "1" (equals 1): bits 011.
        // Leaf 1: root known, leaf starts at 1: "0 0 1" (not 1, not 2, is 3): bits 001. Padded: 0110 0100 = 0x64.
        var tree = new TagTree(2, 1);
        var reader = new PacketHeaderReader(new byte[] { 0x64 }, 0);
        Assert.Equal(1, tree.DecodeValue(ref reader, 0, 32));
        Assert.Equal(3, tree.DecodeValue(ref reader, 1, 32));
    }

    [Fact]
    public void Decode_InclusionBelowThreshold_StopsWithoutReadingFurther()
    {
        // A single node of value 2 asked against threshold 1: one 0 bit says "not 0", and decoding stops there.
        var tree = new TagTree(1, 1);
        var reader = new PacketHeaderReader(new byte[] { 0x00 }, 0);
        Assert.False(tree.Decode(ref reader, 0, 1));
        Assert.Equal(1, reader.Position);
    }

    [Fact]
    public void ReadBit_AfterFFByte_SkipsTheStuffedBit()
    {
        // 0xFF then 0x40: eight ones, then seven bits of 0x40 (its top bit is the stuffed zero): 1000000.
        var reader = new PacketHeaderReader(new byte[] { 0xFF, 0x40 }, 0);
        Assert.Equal(0xFF, reader.ReadBits(8));
        Assert.Equal(0b1000000, reader.ReadBits(7));
    }

    [Fact]
    public void ReadBit_PastTheEnd_IsACodecError()
    {
        bool threw = false;
        try
        {
            var reader = new PacketHeaderReader(new byte[] { 0x12 }, 0);
            reader.ReadBits(9);
        }
        catch (DicomCodecException)
        {
            threw = true;
        }

        Assert.True(threw);
    }
}
