using System.Buffers.Binary;
using System.Diagnostics;
using PacsNode.Dicom.Imaging;
using PacsNode.Dicom.Imaging.Codecs;
using PacsNode.Dicom.Imaging.Codecs.Jpeg2000;
using PacsNode.Dicom.IO;
using Xunit;

namespace PacsNode.Dicom.Tests.Imaging.Jpeg2000;

/// <summary>
/// The JPEG 2000 decoder without external tools: a small codestream made once by OpenJPEG 2.5.0
/// (<c>opj_compress -F 24,20,1,12,u -t 16,12 -n 2 -r 8,1 -b 8,8 -M 63 -SOP -EPH -p RPCL</c>: four tiles, two layers,
/// every code-block style, SOP/EPH, position progression) from pixels given by a formula, and what corrupting it does.
/// </summary>
public sealed class Jpeg2000CodecTests
{
    private const string Codestream =
        "/0//UQApAAAAAAAYAAAAFAAAAAAAAAAAAAAAEAAAAAwAAAAAAAAAAAABCwEB/1IADAYCAAIAAQEBPwH/XAAHQGBoaHD/ZAAlAAFDcmVhdGVkIGJ5IE9wZW5KUEVHIHZlcnNpb24gMi41LjD/kAAKAAAAAAGBAAH/k/+RAAQAANwmQP+SEjDNCpcA/5EABAAB/xEcjEYjEYjEYjEYjED/krZG06CMcT6QthAe8H47wLZtWJueiuC2WGrHyVZStlQ29FnH57ZRilbx8Te2APRGNmwMtmDKYZsKJbYgksqcsTG2fKj5VuoCtv+RAAQAAoD/kv+RAAQAA8H5kjcjGZScTicTjA/B+lGZCcTicTjA/OkxNSEjE0E0E0E0E0H/kjjGb/wACP9NxL9DOVGJRnI7sn1nuwXPdGx4tnNd/crCCEAEKrYKcChGMghStgqU+dXezIq2CoXPi4X+urYKap0yeBH6tho2ybb14ox1uZobQln5tZJa7x1vsHNx2x62WUEOJWzAbq+2DMLgBgEGFbYCJUq8cekqtgLxT/62rUq2As50T0yQirYVtKwgPE5SxSaOdUV9AAGuQce1uvC0q7Z4LoBhErYAAArzO4+qtgAAChC7brK2AAAK/2Z9+bYAAAr/Zn39tgAACuPE8RK2/5AACgABAAABDQAB/5P/kQAEAADOKSD/khFQPf6Vt4//kQAEAAH+whkQhkMhkMhkMhn/kra3w+22yTid2raWvNu2A3GWtig/yrYols+2xY3vtqbSu7Zqguq2/5EABAACgP+S/5EABAADwPwRlJFMlkslkswPwZktFMlkslkswPzVFNEopFIpFIpE/5Ia7ep1Lcx/tRXP5q9+lbbH1HsM2bZqgUARtiqn3sy2Ki5h/LYqVP4UtgYMQ6r0ZXApPHJA66A8L962ImdxfXy2GrcIBbYKKlrqtgrqdKq2CvOkkrYLiuulwpUyZADYz9qbtbK2mJBktgAKzHK2AApDerYACv9ttgAK/2m2AAqPgrb/kAAKAAIAAAGaAAH/k/+RAAQAAOY/DCD/kgiQ8giQ8tiq/5EABAAB/wBkMhkIhEIhEIhEI/sIZCIRCIRCIRCIRP+S1l/Mtse0Y7ZAnyW2Wz22N4S2Su62+Pa2rWm29Sm2S+i2trTwFrYjZbbV67ZJ07acerbDNbYi7bbrbLah27b/kQAEAAKA/5L/kQAEAAPg/mRMRKJRJRKJRKN+CskkpEolEolHA/ghJRKJKJRKJRvtVEpEslEolHAvwImkkklEolEo/xqSUiUSiUSiUSiA/5Im0IEAAxEbv4bYrLZyOVG2gEqmtgCYKrYASyq2APcqtgC1qrYLSWF0bUCJPBW2TIq21wK2RLYVQi22FYYRthWbMbZKZO22DXM58KO0ttYOZLYPCz+2KstMtiq0trYqdLq2KktItg14luPV6XRbtjqnYjm2wa0mr7YqCCS2Kum0ttXDSLYm0EAAAwYMECWJcraJ5bYAw6q2ADyqtgA8qrYAPKq2DfbQ6aNOZELVDslmtpd4obYC4eq2AmvKtgL/RbYC/1W2Ao4Ktv+QAAoAAwAAAUcAAf+T/5EABAAA5xnjQP+SCNcFsgvLhMlC/5EABAAB/uJBIRBIJBIJBIJBP7iQSEQSCQSCQSCQSP+SZLZJtg4Ytu623Lagtsm2obbrtqy2NLbPtrCStte25bZAtrm2JbaTtoS2/5EABAACgP+S/5EABAAD4H8DJKJJJJJJJJP8DJJJJJJJJJJOB/AySSSSCQSCQTfaZJJJJJJJJOBPtMkkkkkkkkn+Zkokkkkkkkkkkv+SB3PxmAC2h7k0toEYtgpytgo6tgrStgrathIvEqys3RWctgBYtioKtioctipotiqUtgRA4EyxttlMtrC/tta2Kbbptta2C/ZsVli2ABi2AHy2KkS2Kkq2Khi2AOFjX0y2X9K2X7G2BXW2BXW2BXW2CJk3yEADh4HKtmtAthXFthXZthX5thX9thUZtv/Z";

    private static readonly PixelFormat Format = new(20, 24, 1, 16, 12, 0, 0, "MONOCHROME2", 1);

    private static readonly Jpeg2000Codec Codec = new(DicomTransferSyntax.Jpeg2000Lossless);

    [Fact]
    public void Decode_OpenJpegCodestreamWithTilesLayersAndAllStyles_GivesTheOriginalPixels()
    {
        byte[] output = new byte[Format.FrameLength];
        Codec.Decode(Convert.FromBase64String(Codestream), Format, output);
        Assert.Equal(Original(), output);
    }

    [Fact]
    public void Decode_OddLengthFragmentPadByte_IsIgnored()
    {
        byte[] padded = [.. Convert.FromBase64String(Codestream), 0];
        byte[] output = new byte[Format.FrameLength];
        Codec.Decode(padded, Format, output);
        Assert.Equal(Original(), output);
    }

    [Fact]
    public void Decode_TruncatedAtEveryLength_ThrowsCodecErrorOrGivesTheOriginal()
    {
        byte[] valid = Convert.FromBase64String(Codestream);
        byte[] expected = Original();
        byte[] output = new byte[Format.FrameLength];
        var clock = Stopwatch.StartNew();
        int refused = 0;
        for (int length = 0; length < valid.Length; length++)
        {
            try
            {
                Codec.Decode(valid.AsSpan(0, length), Format, output);
                Assert.True(expected.AsSpan().SequenceEqual(output), $"cut at {length} decoded to other pixels without an error");
            }
            catch (DicomCodecException)
            {
                refused++;
            }
        }

        Assert.True(refused >= valid.Length - 2, $"only {refused} of {valid.Length} cuts refused");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"{valid.Length} truncated decodes took {clock.Elapsed}");
    }

    [Fact]
    public void Decode_RandomlyCorruptedBytes_OnlyEverThrowCodecErrors()
    {
        byte[] valid = Convert.FromBase64String(Codestream);
        byte[] output = new byte[Format.FrameLength];
        var random = new Random(2000);
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < 4000; i++)
        {
            byte[] input = (byte[])valid.Clone();
            for (int k = 0; k < 1 + random.Next(4); k++)
            {
                input[random.Next(input.Length)] ^= (byte)(1 << random.Next(8));
            }

            if (i % 2 == 0)
            {
                input[random.Next(input.Length)] = (byte)random.Next(256);
            }

            try
            {
                Codec.Decode(input, Format, output);
            }
            catch (DicomCodecException)
            {
            }
        }

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(90), $"4000 corrupted decodes took {clock.Elapsed}");
    }

    [Fact]
    public void Decode_WrongDimensions_NamesBothSizes()
    {
        var other = Format with { Rows = 21 };
        var error = Assert.Throws<DicomCodecException>(() =>
            Codec.Decode(Convert.FromBase64String(Codestream), other, new byte[other.FrameLength]));
        Assert.Contains("24×20×1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Encode_AnyImage_IsRefusedAsNotSupported()
    {
        var error = Assert.Throws<DicomCodecException>(() => Codec.Encode(new byte[Format.FrameLength], Format));
        Assert.Contains("not supported: encoding", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Registry_Jpeg2000Syntaxes_HaveTheDecoder()
    {
        Assert.IsType<Jpeg2000Codec>(DicomCodecRegistry.Find(DicomTransferSyntax.Jpeg2000Lossless));
        Assert.IsType<Jpeg2000Codec>(DicomCodecRegistry.Find(DicomTransferSyntax.FromUid("1.2.840.10008.1.2.4.91")));
    }

    private static byte[] Original()
    {
        byte[] pixels = new byte[Format.FrameLength];
        for (int y = 0; y < 20; y++)
        {
            for (int x = 0; x < 24; x++)
            {
                int value = ((x * 37) + (y * 11) + ((x * y) % 7 * 50)) % 4096;
                BinaryPrimitives.WriteUInt16LittleEndian(pixels.AsSpan(((y * 24) + x) * 2), (ushort)value);
            }
        }

        return pixels;
    }
}
