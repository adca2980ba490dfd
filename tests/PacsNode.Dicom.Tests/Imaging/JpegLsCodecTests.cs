using PacsNode.Dicom.Imaging;
using PacsNode.Dicom.Imaging.Codecs;
using PacsNode.Dicom.Imaging.Codecs.JpegLs;
using PacsNode.Dicom.IO;
using Xunit;

namespace PacsNode.Dicom.Tests.Imaging;

public sealed class JpegLsCodecTests
{
    private static readonly JpegLsCodec Codec = new(DicomTransferSyntax.JpegLSLossless);

    private static PixelFormat Format(int samples, int bits, int stored, int representation = 0) =>
        new(53, 71, samples, bits, stored, representation, 0, samples == 3 ? "RGB" : "MONOCHROME2", 1);

    [Theory]
    [InlineData(1, 8, 8, 0)]
    [InlineData(1, 16, 12, 0)]
    [InlineData(1, 16, 16, 1)]
    [InlineData(3, 8, 8, 0)]
    public void EncodeDecode_NoiseRunsAndEdges_RoundTripExactly(int samples, int bits, int stored, int representation)
    {
        PixelFormat format = Format(samples, bits, stored, representation);
        byte[] native = new byte[format.FrameLength];
        var random = new Random(bits + samples);
        random.NextBytes(native.AsSpan(0, native.Length / 3));
        native.AsSpan(native.Length / 3, native.Length / 3).Fill(0x21); // runs that cross lines and end at line ends
        if (bits == 16 && stored == 12)
        {
            for (int i = 1; i < native.Length; i += 2)
            {
                native[i] &= 0x0F;
            }
        }

        byte[] encoded = Codec.Encode(native, format);
        byte[] decoded = new byte[format.FrameLength];
        Codec.Decode(encoded, format, decoded);
        Assert.Equal(native, decoded);
        Assert.True(encoded.Length < native.Length, "a third of flat samples should compress");
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 0)]
    [InlineData(2, 0)]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    public void EncodeDecode_ColourInEachInterleaveMode_RoundTripsExactly(int interleave, int planar)
    {
        PixelFormat format = Format(3, 8, 8) with { PlanarConfiguration = planar };
        byte[] native = new byte[format.FrameLength];
        var random = new Random(31 + interleave);
        random.NextBytes(native.AsSpan(0, native.Length / 2));
        native.AsSpan(native.Length / 2, native.Length / 4).Fill(0x80); // whole-pixel runs in every mode
        for (int i = native.Length * 3 / 4; i < native.Length; i++)
        {
            native[i] = (byte)(i % 7 == 0 ? 255 : i / 97); // runs broken by one component only
        }

        byte[] encoded = Codec.Encode(native, format, interleave);
        int sos = encoded.AsSpan().IndexOf(new byte[] { 0xFF, 0xDA });
        Assert.Equal(interleave == 0 ? 1 : 3, encoded[sos + 4]);
        Assert.Equal(interleave, encoded[sos + 5 + (2 * encoded[sos + 4]) + 1]);
        Assert.Equal(0, encoded.Length % 2);
        byte[] decoded = new byte[format.FrameLength];
        Codec.Decode(encoded, format, decoded);
        Assert.Equal(native, decoded);
    }

    [Fact]
    public void Decode_CharLsColourTransform_IsRefusedByName()
    {
        PixelFormat format = Format(3, 8, 8);
        byte[] encoded = Codec.Encode(new byte[format.FrameLength], format);
        byte[] app8 = [0xFF, 0xE8, 0x00, 0x07, (byte)'m', (byte)'r', (byte)'f', (byte)'x', 0x01];
        byte[] withTransform = [.. encoded[..2], .. app8, .. encoded[2..]];
        var error = Assert.Throws<DicomCodecException>(() => Codec.Decode(withTransform, format, new byte[format.FrameLength]));
        Assert.Contains("HP1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Encode_NearLosslessSyntax_IsRefusedRatherThanLosingData()
    {
        var near = new JpegLsCodec(DicomTransferSyntax.FromUid("1.2.840.10008.1.2.4.81"));
        Assert.Throws<DicomCodecException>(() => near.Encode(new byte[53 * 71], Format(1, 8, 8)));
    }

    [Fact]
    public void Decode_CorruptedStreams_OnlyEverThrowCodecErrors()
    {
        PixelFormat format = Format(1, 16, 16, 1);
        byte[] native = new byte[format.FrameLength];
        new Random(5).NextBytes(native);
        byte[] valid = Codec.Encode(native, format);
        byte[] output = new byte[format.FrameLength];
        var random = new Random(17);
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
            }
        }
    }
}
