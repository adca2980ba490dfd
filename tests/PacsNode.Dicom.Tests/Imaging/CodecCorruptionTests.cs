using PacsNode.Dicom.Imaging;
using PacsNode.Dicom.Imaging.Codecs;
using PacsNode.Dicom.Imaging.Codecs.Jpeg;
using PacsNode.Dicom.Imaging.Codecs.JpegLs;
using PacsNode.Dicom.IO;
using Xunit;

namespace PacsNode.Dicom.Tests.Imaging;

/// <summary>
/// Every decoder, fed truncated frames, frames whose markers were swapped for other markers and pure random bytes
/// (fixed seeds), either decodes or throws <see cref="DicomCodecException"/>: never another exception, never a hang
/// (each test has a time limit far above its normal run time).
/// </summary>
public sealed class CodecCorruptionTests
{
    private const int Limit = 120_000;

    public static TheoryData<string> Decoders => ["rle", "jpeg-lossless", "jpeg-ls", "jpeg-ls-line", "jpeg-ls-sample"];

    [Theory(Timeout = Limit)]
    [MemberData(nameof(Decoders))]
    public async Task Decode_EveryTruncation_ThrowsCodecError(string decoder)
    {
        (IDicomCodec codec, PixelFormat format, byte[] valid) = Valid(decoder);
        await Task.Run(() =>
        {
            byte[] output = new byte[format.FrameLength];
            for (int length = 0; length < valid.Length; length += Math.Max(1, valid.Length / 400))
            {
                // A cut in the last bytes may only lose padding or the EOI marker; earlier cuts lose pixels.
                if (length < valid.Length - 16)
                {
                    Assert.Throws<DicomCodecException>(() => codec.Decode(valid.AsSpan(0, length), format, output));
                }
                else
                {
                    DecodeOrCodecError(codec, valid.AsSpan(0, length), format, output);
                }
            }
        }, TestContext.Current.CancellationToken);
    }

    [Theory(Timeout = Limit)]
    [MemberData(nameof(Decoders))]
    public async Task Decode_MarkersReplacedByOtherMarkers_ThrowsOnlyCodecErrors(string decoder)
    {
        (IDicomCodec codec, PixelFormat format, byte[] valid) = Valid(decoder);
        await Task.Run(() =>
        {
            byte[] output = new byte[format.FrameLength];
            var random = new Random(23);
            var markers = Enumerable.Range(0, valid.Length - 1).Where(i => valid[i] == 0xFF && valid[i + 1] >= 0xC0).ToList();
            Assert.True(decoder == "rle" || markers.Count >= 4, $"{markers.Count} markers");
            for (int i = 0; i < 2000; i++)
            {
                byte[] input = (byte[])valid.Clone();
                int at = markers.Count > 0 ? markers[random.Next(markers.Count)] + 1 : random.Next(input.Length);
                input[at] = (byte)random.Next(0xC0, 0x100);
                DecodeOrCodecError(codec, input, format, output);
            }
        }, TestContext.Current.CancellationToken);
    }

    [Theory(Timeout = Limit)]
    [MemberData(nameof(Decoders))]
    public async Task Decode_RandomBytes_ThrowCodecErrors(string decoder)
    {
        (IDicomCodec codec, PixelFormat format, byte[] valid) = Valid(decoder);
        await Task.Run(() =>
        {
            byte[] output = new byte[format.FrameLength];
            var random = new Random(101);
            int refused = 0;
            for (int i = 0; i < 500; i++)
            {
                byte[] noise = new byte[random.Next(0, valid.Length * 2)];
                random.NextBytes(noise);
                refused += DecodeOrCodecError(codec, noise, format, output) ? 0 : 1;

                // Noise after a valid header: the entropy decoder itself meets garbage.
                byte[] tail = (byte[])valid.Clone();
                random.NextBytes(tail.AsSpan(tail.Length / 3));
                DecodeOrCodecError(codec, tail, format, output);
            }

            Assert.True(refused >= 490, $"only {refused} of 500 random buffers were refused");
        }, TestContext.Current.CancellationToken);
    }

    private static (IDicomCodec Codec, PixelFormat Format, byte[] Valid) Valid(string decoder)
    {
        bool colour = decoder is "jpeg-ls-line" or "jpeg-ls-sample";
        var format = new PixelFormat(48, 61, colour ? 3 : 1, colour ? 8 : 16, colour ? 8 : 16, 1, 0, colour ? "RGB" : "MONOCHROME2", 1);
        byte[] native = new byte[format.FrameLength];
        new Random(7).NextBytes(native.AsSpan(0, native.Length / 2));
        native.AsSpan(native.Length / 2).Fill(0x11);
        var jpegLs = new JpegLsCodec(DicomTransferSyntax.JpegLSLossless);
        return decoder switch
        {
            "rle" => (new RleCodec(), format, new RleCodec().Encode(native, format)),
            "jpeg-lossless" => Jpeg(format, native),
            "jpeg-ls-sample" => (jpegLs, format, jpegLs.Encode(native, format, interleave: 2)),
            _ => (jpegLs, format, jpegLs.Encode(native, format)),
        };
    }

    private static (IDicomCodec, PixelFormat, byte[]) Jpeg(PixelFormat format, byte[] native)
    {
        var codec = new JpegLosslessCodec(DicomTransferSyntax.JpegLosslessSV1);
        return (codec, format, codec.Encode(native, format));
    }

    /// <summary>True when the input decoded; false when it was refused with the codec error; anything else fails.</summary>
    private static bool DecodeOrCodecError(IDicomCodec codec, ReadOnlySpan<byte> input, PixelFormat format, byte[] output)
    {
        try
        {
            codec.Decode(input, format, output);
            return true;
        }
        catch (DicomCodecException)
        {
            return false;
        }
    }
}
