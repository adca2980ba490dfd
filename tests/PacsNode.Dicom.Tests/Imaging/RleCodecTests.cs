using PacsNode.Dicom.Imaging;
using PacsNode.Dicom.Imaging.Codecs;
using Xunit;

namespace PacsNode.Dicom.Tests.Imaging;

public sealed class RleCodecTests
{
    private static readonly RleCodec Codec = new();

    private static PixelFormat Format(int rows, int columns, int samples, int bits, int planar = 0) =>
        new(rows, columns, samples, bits, bits, 0, planar, samples == 3 ? "RGB" : "MONOCHROME2", 1);

    [Fact]
    public void Decode_HandBuiltSegment_FollowsPackBitsRules()
    {
        // PS3.5 G.3.1: 2 = copy the next 3 bytes; -3 (0xFD) = repeat the next byte 4 times; -128 is a no-op.
        byte[] frame = new byte[64 + 8];
        frame[0] = 1;
        frame[4] = 64;
        new byte[] { 2, 10, 20, 30, 0x80, 0xFD, 7, 0 }.CopyTo(frame, 64);
        byte[] output = new byte[7];
        Codec.Decode(frame, Format(1, 7, 1, 8), output);
        Assert.Equal(new byte[] { 10, 20, 30, 7, 7, 7, 7 }, output);
    }

    [Fact]
    public void Encode_SixteenBitSigned_PutsHighBytesInTheFirstSegment()
    {
        byte[] native = [0x34, 0x12, 0x34, 0x12]; // two little-endian 0x1234 values
        byte[] encoded = Codec.Encode(native, Format(1, 2, 1, 16));
        Assert.Equal(2, BitConverterFree(encoded, 0));
        Assert.Equal(64, BitConverterFree(encoded, 4));
        Assert.Equal(new byte[] { 0xFF, 0x12 }, encoded[64..66]);
    }

    [Theory]
    [InlineData(1, 8, 0)]
    [InlineData(1, 16, 0)]
    [InlineData(3, 8, 0)]
    [InlineData(3, 8, 1)]
    [InlineData(1, 32, 0)]
    public void EncodeDecode_RandomAndFlatRows_RoundTripExactly(int samples, int bits, int planar)
    {
        var format = Format(37, 129, samples, bits, planar);
        byte[] native = new byte[format.FrameLength];
        var random = new Random(samples * 100 + bits + planar);
        random.NextBytes(native.AsSpan(0, native.Length / 2));
        native.AsSpan(native.Length / 2).Fill(0x5A);
        byte[] encoded = Codec.Encode(native, format);
        Assert.Equal(0, encoded.Length % 2);
        byte[] decoded = new byte[format.FrameLength];
        Codec.Decode(encoded, format, decoded);
        Assert.Equal(native, decoded);
    }

    [Fact]
    public void Decode_TruncatedFrame_ThrowsCodecError()
    {
        var format = Format(16, 16, 1, 16);
        byte[] encoded = Codec.Encode(new byte[format.FrameLength], format);
        byte[] output = new byte[format.FrameLength];
        var error = Assert.Throws<DicomCodecException>(() => Codec.Decode(encoded.AsSpan(0, encoded.Length - 4), format, output));
        Assert.Contains("segment", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_WrongSegmentCount_NamesBothCounts()
    {
        var format = Format(4, 4, 1, 16);
        byte[] encoded = Codec.Encode(new byte[format.FrameLength], Format(4, 4, 1, 8) with { Columns = 8 });
        var error = Assert.Throws<DicomCodecException>(() => Codec.Decode(encoded, format, new byte[format.FrameLength]));
        Assert.Contains("announces 1 segments", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_RandomBytes_OnlyEverThrowsCodecErrors()
    {
        var format = Format(8, 8, 3, 8);
        var random = new Random(42);
        byte[] valid = Codec.Encode(new byte[format.FrameLength], format);
        byte[] output = new byte[format.FrameLength];
        for (int i = 0; i < 5000; i++)
        {
            byte[] input = (byte[])valid.Clone();
            for (int k = 0; k < 1 + random.Next(8); k++)
            {
                input[random.Next(input.Length)] = (byte)random.Next(256);
            }

            try
            {
                Codec.Decode(input.AsSpan(0, random.Next(input.Length + 1)), format, output);
            }
            catch (DicomCodecException)
            {
            }
        }
    }

    private static int BitConverterFree(byte[] bytes, int at) =>
        System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(at));
}
