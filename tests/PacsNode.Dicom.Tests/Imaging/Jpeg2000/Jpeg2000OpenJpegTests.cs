using System.Buffers.Binary;
using System.Globalization;
using PacsNode.Dicom.Imaging;
using PacsNode.Dicom.Imaging.Codecs;
using PacsNode.Dicom.Imaging.Codecs.Jpeg2000;
using PacsNode.Dicom.IO;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Dicom.Tests.Imaging.Jpeg2000;

/// <summary>
/// Our JPEG 2000 decoder against OpenJPEG's encoder (opj_compress, Debian libopenjp2-tools), an implementation
/// independent of ours: every lossless configuration must give back the original pixels exactly, and the irreversible
/// 9/7 ones must agree with opj_decompress within ±1 per sample.
/// </summary>
[Trait("Category", "Interop")]
public sealed class Jpeg2000OpenJpegTests
{
    private static readonly Jpeg2000Codec Lossless = new(DicomTransferSyntax.Jpeg2000Lossless);

    /// <summary>
    /// opj_compress options; {C} stands for the image's component count (POC volumes name it). Left out because
    /// OpenJPEG 2.5.0 does not decode its own output of them back to the input: -TP R or L with tiles whose last row is a
    /// few pixels high, RPCL with a 4-pixel tile at 5 levels, and POC volumes that split layers.
    /// </summary>
    public static TheoryData<string> LosslessOptions => new()
    {
        "",
        "-n 1",
        "-n 3",
        "-t 32,24 -n 3",
        "-TP R -p RPCL",
        "-TP L -r 20,10,1",
        "-r 20,10,1",
        "-r 40,20,8,1 -p RLCP",
        "-c [32,32],[16,16] -p RPCL",
        "-c [16,16] -t 50,40 -p PCRL -n 4",
        "-c [64,32],[32,16],[8,8] -p CPRL -r 10,1",
        "-p RPCL -t 33,31 -n 3",
        "-p CPRL",
        "-b 16,16",
        "-b 8,32 -c [32,32]",
        "-b 4,4 -n 2",
        "-M 1",
        "-M 2",
        "-M 4",
        "-M 8",
        "-M 16",
        "-M 32",
        "-M 63 -r 20,5,1",
        "-M 1 -r 30,1",
        "-M 12 -r 8,1 -p RPCL",
        "-M 5 -r 8,1",
        "-SOP -EPH",
        "-SOP -EPH -r 20,1 -p PCRL -c [16,16] -n 5",
        "-d 5,3",
        "-d 7,9 -t 30,20 -T 3,2 -n 4",
        "-PLT -TLM",
        "-ROI c=0,U=5",
        "-t 50,50 -POC T1=0,0,1,3,{C},RLCP/T1=3,0,1,6,{C},RPCL",
    };

    public static TheoryData<string> IrreversibleOptions => new()
    {
        "-I",
        "-I -r 10",
        "-I -r 40,10,2 -p RPCL -c [32,32]",
        "-I -t 40,40 -n 3",
        "-I -M 63",
        "-I -ROI c=0,U=3",
    };

    [Theory]
    [MemberData(nameof(LosslessOptions))]
    public async Task Decode_OpenJpegLosslessCodestream_GivesTheOriginalPixels(string options)
    {
        string compress = RequiresTool.OnPath("opj_compress", "libopenjp2-tools");
        CancellationToken ct = TestContext.Current.CancellationToken;
        using var dir = new TempDirectory("j2k");
        foreach (J2kTestImage image in J2kTestImage.All)
        {
            byte[] codestream = await CompressAsync(compress, image, options, dir, ct);
            byte[] decoded = new byte[image.Format.FrameLength];
            Lossless.Decode(codestream, image.Format, decoded);
            Assert.True(image.Native.AsSpan().SequenceEqual(decoded),
                $"{image} with '{options}': first difference at byte {FirstDifference(image.Native, decoded)}");
        }
    }

    [Theory]
    [MemberData(nameof(IrreversibleOptions))]
    public async Task Decode_OpenJpegIrreversibleCodestream_MatchesOpjDecompressWithinOne(string options)
    {
        string compress = RequiresTool.OnPath("opj_compress", "libopenjp2-tools");
        string decompress = RequiresTool.OnPath("opj_decompress", "libopenjp2-tools");
        CancellationToken ct = TestContext.Current.CancellationToken;
        using var dir = new TempDirectory("j2k97");
        var codec = new Jpeg2000Codec(DicomTransferSyntax.FromUid("1.2.840.10008.1.2.4.91"));
        foreach (J2kTestImage image in J2kTestImage.All)
        {
            byte[] codestream = await CompressAsync(compress, image, options, dir, ct);
            byte[] ours = new byte[image.Format.FrameLength];
            codec.Decode(codestream, image.Format, ours);
            int[] reference = await OpenJpegDecodeAsync(decompress, image, dir.Combine(image.Name + ".j2k"), dir, ct);
            int[] mine = Samples(ours, image.Format);
            int worst = 0;
            double error = 0;
            int[] original = Samples(image.Native, image.Format);
            for (int i = 0; i < mine.Length; i++)
            {
                worst = Math.Max(worst, Math.Abs(mine[i] - reference[i]));
                error += Math.Abs(mine[i] - original[i]);
            }

            Assert.True(worst <= 1, $"{image} with '{options}': a sample differs from opj_decompress by {worst}");
            double meanError = error / mine.Length;
            Assert.True(meanError < (1 << image.Precision) / 20.0, $"{image} with '{options}': mean error {meanError} from the original");
        }
    }

    [Fact]
    public async Task Decode_Jp2FileFormat_UnwrapsTheCodestreamBox()
    {
        string compress = RequiresTool.OnPath("opj_compress", "libopenjp2-tools");
        CancellationToken ct = TestContext.Current.CancellationToken;
        using var dir = new TempDirectory("jp2");
        J2kTestImage image = J2kTestImage.Ct12;
        string[] input = await image.WriteForOpenJpegAsync(dir.Combine(image.Name), ct);
        (await ExternalTool.RunAsync(compress, [.. input, "-o", dir.Combine("ct.jp2")],
            new ToolRunOptions { LogToTestOutput = false }, ct)).AssertSuccess();
        byte[] decoded = new byte[image.Format.FrameLength];
        Lossless.Decode(await File.ReadAllBytesAsync(dir.Combine("ct.jp2"), ct), image.Format, decoded);
        Assert.Equal(image.Native, decoded);
    }

    [Fact]
    public async Task Decode_PrecinctExponentZeroAboveResolutionZero_IsRefusedAsNotSupported()
    {
        // opj_compress halves -c [16,16] down to 2^0 at resolution 1 of 6, which T.800 A.6.1 does not allow.
        string compress = RequiresTool.OnPath("opj_compress", "libopenjp2-tools");
        CancellationToken ct = TestContext.Current.CancellationToken;
        using var dir = new TempDirectory("j2kppx");
        byte[] codestream = await CompressAsync(compress, J2kTestImage.Ct12, "-c [16,16]", dir, ct);
        var error = Assert.Throws<DicomCodecException>(() =>
            Lossless.Decode(codestream, J2kTestImage.Ct12.Format, new byte[J2kTestImage.Ct12.Format.FrameLength]));
        Assert.Contains("not supported: a precinct exponent of 0", error.Message, StringComparison.Ordinal);
    }

    internal static async Task<byte[]> CompressAsync(string compress, J2kTestImage image, string options, TempDirectory dir, CancellationToken ct)
    {
        string output = dir.Combine(image.Name + ".j2k");
        string[] input = await image.WriteForOpenJpegAsync(dir.Combine(image.Name), ct);
        string[] extra = options.Replace("{C}", image.Format.SamplesPerPixel.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
        (await ExternalTool.RunAsync(compress, [.. input, "-o", output, .. extra],
            new ToolRunOptions { LogToTestOutput = false }, ct)).AssertSuccess();
        return await File.ReadAllBytesAsync(output, ct);
    }

    /// <summary>opj_decompress's samples, read from the raw or PPM file it writes.</summary>
    internal static async Task<int[]> OpenJpegDecodeAsync(string decompress, J2kTestImage image, string codestream, TempDirectory dir, CancellationToken ct)
    {
        bool rgb = image.Format.SamplesPerPixel == 3;
        string output = dir.Combine(image.Name + "-opj" + (rgb ? ".ppm" : ".rawl"));
        (await ExternalTool.RunAsync(decompress, ["-i", codestream, "-o", output],
            new ToolRunOptions { LogToTestOutput = false }, ct)).AssertSuccess();
        byte[] bytes = await File.ReadAllBytesAsync(output, ct);
        if (rgb)
        {
            int length = image.Native.Length;
            return bytes[^length..].Select(b => (int)b).ToArray();
        }

        return Samples(bytes, image.Format);
    }

    internal static int[] Samples(byte[] native, PixelFormat format)
    {
        if (format.BytesPerSample == 1)
        {
            return native.Select(b => (int)b).ToArray();
        }

        int[] samples = new int[native.Length / 2];
        for (int i = 0; i < samples.Length; i++)
        {
            samples[i] = format.PixelRepresentation == 1
                ? BinaryPrimitives.ReadInt16LittleEndian(native.AsSpan(2 * i))
                : BinaryPrimitives.ReadUInt16LittleEndian(native.AsSpan(2 * i));
        }

        return samples;
    }

    private static int FirstDifference(byte[] a, byte[] b)
    {
        int i = a.AsSpan().CommonPrefixLength(b);
        return i < a.Length ? i : -1;
    }
}
