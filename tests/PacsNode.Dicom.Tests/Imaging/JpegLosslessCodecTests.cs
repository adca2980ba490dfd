using PacsNode.Dicom.Imaging;
using PacsNode.Dicom.Imaging.Codecs;
using PacsNode.Dicom.Imaging.Codecs.Jpeg;
using PacsNode.Dicom.IO;
using Xunit;

namespace PacsNode.Dicom.Tests.Imaging;

public sealed class JpegLosslessCodecTests
{
    private static readonly JpegLosslessCodec Codec = new(DicomTransferSyntax.JpegLosslessSV1);

    private static PixelFormat Format(int samples, int bits, int stored, int representation = 0) =>
        new(41, 67, samples, bits, stored, representation, 0, samples == 3 ? "RGB" : "MONOCHROME2", 1);

    [Theory]
    [InlineData(1, 8, 8, 0)]
    [InlineData(1, 16, 12, 0)]
    [InlineData(1, 16, 16, 1)]
    [InlineData(3, 8, 8, 0)]
    public void EncodeDecode_NoiseEdgesAndExtremes_RoundTripExactly(int samples, int bits, int stored, int representation)
    {
        PixelFormat format = Format(samples, bits, stored, representation);
        byte[] native = new byte[format.FrameLength];
        var random = new Random(bits * 10 + samples);
        random.NextBytes(native);
        if (bits == 16 && stored == 12)
        {
            for (int i = 1; i < native.Length; i += 2)
            {
                native[i] &= 0x0F;
            }
        }

        // Extreme jumps force the 16-bit category (difference ±32768) where the format allows it.
        native[0] = 0;
        native[^1] = 0xFF;
        byte[] encoded = Codec.Encode(native, format);
        byte[] decoded = new byte[format.FrameLength];
        Codec.Decode(encoded, format, decoded);
        Assert.Equal(native, decoded);
    }

    [Fact]
    public void Encode_TwelveBitCt_UsesBitsStoredAsPrecision()
    {
        PixelFormat format = Format(1, 16, 12);
        byte[] encoded = Codec.Encode(new byte[format.FrameLength], format);
        int sof = encoded.AsSpan().IndexOf(new byte[] { 0xFF, 0xC3 });
        Assert.Equal(12, encoded[sof + 4]);
    }

    [Fact]
    public void Decode_FlatImageFromHandBuiltStream_UsesTheDefaultPrediction()
    {
        // 2×2 8-bit, one Huffman code (category 0 → code '0'); every difference 0 → every sample 2^(P-1) = 128.
        byte[] stream =
        [
            0xFF, 0xD8,
            0xFF, 0xC3, 0x00, 0x0B, 0x08, 0x00, 0x02, 0x00, 0x02, 0x01, 0x01, 0x11, 0x00,
            0xFF, 0xC4, 0x00, 0x14, 0x00, 0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x00,
            0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x01, 0x00, 0x00,
            0x0F,
            0xFF, 0xD9,
        ];
        byte[] decoded = new byte[4];
        Codec.Decode(stream, new PixelFormat(2, 2, 1, 8, 8, 0, 0, "MONOCHROME2", 1), decoded);
        Assert.Equal(new byte[] { 128, 128, 128, 128 }, decoded);
    }

    [Fact]
    public void Decode_RestartInterval_ResetsThePredictionAfterEachMarker()
    {
        // 2×2 8-bit, restart interval 2 (one row), codes '0' = category 0 and '10' = category 1 (extra bit 1 = +1,
        // 0 = -1). Row 0: 128+1 = 129, then Ra = 129. RST0. Row 1 restarts: 128 (not Rb = 129), then Ra - 1 = 127.
        byte[] stream =
        [
            0xFF, 0xD8,
            0xFF, 0xC3, 0x00, 0x0B, 0x08, 0x00, 0x02, 0x00, 0x02, 0x01, 0x01, 0x11, 0x00,
            0xFF, 0xC4, 0x00, 0x15, 0x00, 0x01, 0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x00, 0x01,
            0xFF, 0xDD, 0x00, 0x04, 0x00, 0x02,
            0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x01, 0x00, 0x00,
            0xAF, 0xFF, 0xD0, 0x4F,
            0xFF, 0xD9,
        ];
        byte[] decoded = new byte[4];
        Codec.Decode(stream, new PixelFormat(2, 2, 1, 8, 8, 0, 0, "MONOCHROME2", 1), decoded);
        Assert.Equal(new byte[] { 129, 129, 128, 127 }, decoded);
    }

    [Fact]
    public void Decode_SizeDisagreesWithDataset_NamesBoth()
    {
        PixelFormat format = Format(1, 8, 8);
        byte[] encoded = Codec.Encode(new byte[format.FrameLength], format);
        var error = Assert.Throws<DicomCodecException>(() =>
            Codec.Decode(encoded, format with { Rows = 40 }, new byte[format.FrameLength]));
        Assert.Contains("67×41×1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_CorruptedStreams_OnlyEverThrowCodecErrors()
    {
        PixelFormat format = Format(1, 16, 16, 1);
        byte[] native = new byte[format.FrameLength];
        new Random(3).NextBytes(native);
        byte[] valid = Codec.Encode(native, format);
        byte[] output = new byte[format.FrameLength];
        var random = new Random(11);
        int failures = 0;
        for (int i = 0; i < 3000; i++)
        {
            byte[] input = (byte[])valid.Clone();
            for (int k = 0; k < 1 + random.Next(6); k++)
            {
                input[random.Next(input.Length)] = (byte)random.Next(256);
            }

            try
            {
                Codec.Decode(input.AsSpan(0, random.Next(input.Length / 2, input.Length + 1)), format, output);
            }
            catch (DicomCodecException)
            {
                failures++;
            }
        }

        Assert.True(failures > 0);
    }
}
