using System.Buffers.Binary;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO;
using PacsNode.Dicom.IO.Buffers;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Interop.Tests.Dicom;

/// <summary>
/// The codecs against DCMTK in both directions, for the corpus's PET images (16-bit signed and unsigned), a 12-bit
/// CT and an 8-bit RGB image: our encoding decoded by DCMTK (dcmdrle, dcmdjpeg, dcmdjpls), and DCMTK's encoding (dcmcrle,
/// dcmcjpeg with each of the seven predictors and a point transform, dcmcjpls lossless and near-lossless in each interleave mode) decoded by us, must give exactly the pixels
/// DCMTK itself decodes (read out with dcmdump +W, so the comparison does not trust our reader).
/// </summary>
[Trait("Category", "Interop")]
public sealed class CodecInteropTests
{
    public static TheoryData<string, string, string, string[]> Codecs => new()
    {
        { "rle", "dcmcrle", "dcmdrle", [] },
        { "1.2.840.10008.1.2.4.70", "dcmcjpeg", "dcmdjpeg", ["+e1"] },
        { "1.2.840.10008.1.2.4.57", "dcmcjpeg", "dcmdjpeg", ["+el", "+sv", "2"] },
        { "1.2.840.10008.1.2.4.57", "dcmcjpeg", "dcmdjpeg", ["+el", "+sv", "3"] },
        { "1.2.840.10008.1.2.4.57", "dcmcjpeg", "dcmdjpeg", ["+el", "+sv", "4"] },
        { "1.2.840.10008.1.2.4.57", "dcmcjpeg", "dcmdjpeg", ["+el", "+sv", "5"] },
        { "1.2.840.10008.1.2.4.57", "dcmcjpeg", "dcmdjpeg", ["+el", "+sv", "6"] },
        { "1.2.840.10008.1.2.4.57", "dcmcjpeg", "dcmdjpeg", ["+el", "+sv", "7"] },
        { "1.2.840.10008.1.2.4.57", "dcmcjpeg", "dcmdjpeg", ["+el", "+sv", "1", "+pt", "2"] },
        { "jpeg-ls", "dcmcjpls", "dcmdjpls", ["+in"] },
        { "jpeg-ls", "dcmcjpls", "dcmdjpls", ["+il"] },
        { "jpeg-ls", "dcmcjpls", "dcmdjpls", ["+is"] },
        { "1.2.840.10008.1.2.4.81", "dcmcjpls", "dcmdjpls", ["+en", "+md", "3", "+in"] },
        { "1.2.840.10008.1.2.4.81", "dcmcjpls", "dcmdjpls", ["+en", "+md", "3", "+il"] },
        { "1.2.840.10008.1.2.4.81", "dcmcjpls", "dcmdjpls", ["+en", "+md", "3", "+is"] },
    };

    [Theory]
    [MemberData(nameof(Codecs))]
    public async Task Codec_EncodeAndDecode_AgreeWithDcmtkPixelForPixel(string ts, string encoder, string decoder, string[] encoderOptions)
    {
        RequiresTool.SharedTestData();
        string dcmtkEncoder = RequiresTool.Dcmtk(encoder);
        string dcmtkDecoder = RequiresTool.Dcmtk(decoder);
        string dcmdump = RequiresTool.Dcmtk("dcmdump");
        CancellationToken ct = TestContext.Current.CancellationToken;
        using var dir = new TempDirectory("codec");
        var inputs = new List<string>();
        foreach (string file in TestData.AllPart10Files().GroupBy(Path.GetDirectoryName).Select(g => g.First()))
        {
            DicomFile read = await DicomFile.OpenAsync(file, cancellationToken: ct);
            if (read.Dataset.Get(DicomTag.PixelData) is DicomElement &&
                read.Dataset.TryGetInt32(DicomTag.BitsAllocated, out int bits) && bits is 8 or 16)
            {
                inputs.Add(file);
            }
        }

        inputs.Add(await WriteSyntheticAsync(dir.Combine("ct12.dcm"), rgb: false, ct));
        inputs.Add(await WriteSyntheticAsync(dir.Combine("rgb8.dcm"), rgb: true, ct));
        Assert.True(inputs.Count >= 10, $"only {inputs.Count} inputs");
        // Our encoder is exercised once per codec (interleave options change only DCMTK's colour encoding).
        bool weEncode = encoderOptions is [] or ["+e1"] or ["+in"];
        var failures = new List<string>();
        int judged = 0;
        for (int i = 0; i < inputs.Count; i++)
        {
            string original = inputs[i];
            string theirs = dir.Combine($"{i}-dcmtk-encoded.dcm");
            string theirsDecoded = dir.Combine($"{i}-dcmtk-decoded.dcm");
            string ourDecode = dir.Combine($"{i}-ours-decoded.dcm");
            ToolResult encoded = await ExternalTool.RunAsync(dcmtkEncoder, [.. encoderOptions, original, theirs], cancellationToken: ct);
            if (encoded.ExitCode != 0 && encoderOptions.Contains("+en") &&
                encoded.StandardError.Contains("Unsupported pixel representation", StringComparison.Ordinal))
            {
                continue; // DCMTK offers near-lossless JPEG-LS for unsigned pixels only.
            }

            encoded.AssertSuccess();
            judged++;
            (await ExternalTool.RunAsync(dcmtkDecoder, [theirs, theirsDecoded], cancellationToken: ct)).AssertSuccess();
            (await PacsNodeCli.RunAsync(["convert", theirs, ourDecode, "--ts", "explicit"], cancellationToken: ct)).AssertSuccess();
            byte[] reference = await RawPixelsAsync(dcmdump, theirsDecoded, dir.Combine($"{i}-a"), ct);
            byte[] viaUs = await RawPixelsAsync(dcmdump, ourDecode, dir.Combine($"{i}-b"), ct);
            if (!reference.SequenceEqual(viaUs))
            {
                failures.Add($"{original}: our decode of {encoder} {string.Join(' ', encoderOptions)} differs from {decoder}'s");
            }

            if (weEncode)
            {
                string ours = dir.Combine($"{i}-ours-encoded.dcm");
                string back = dir.Combine($"{i}-ours-dcmtk-decoded.dcm");
                (await PacsNodeCli.RunAsync(["convert", original, ours, "--ts", ts], cancellationToken: ct)).AssertSuccess();
                (await ExternalTool.RunAsync(dcmtkDecoder, [ours, back], cancellationToken: ct)).AssertSuccess();
                byte[] expected = await RawPixelsAsync(dcmdump, original, dir.Combine($"{i}-c"), ct);
                byte[] viaDcmtk = await RawPixelsAsync(dcmdump, back, dir.Combine($"{i}-d"), ct);
                if (!expected.SequenceEqual(viaDcmtk))
                {
                    failures.Add($"{original}: {decoder} of our {ts} differs from the original pixels");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
        Assert.True(judged >= 3, $"only {judged} inputs could be encoded by {encoder}");
    }

    /// <summary>The pixel data as DCMTK writes it out (+W), so the comparison does not trust our reader.</summary>
    internal static async Task<byte[]> RawPixelsAsync(string dcmdump, string file, string folder, CancellationToken ct)
    {
        Directory.CreateDirectory(folder);
        ToolResult dump = (await ExternalTool.RunAsync(dcmdump, ["-q", "+W", folder, file],
            new ToolRunOptions { LogToTestOutput = false }, ct)).AssertSuccess();
        List<DumpLine> lines = DcmdumpListing.Parse(dump.StandardOutput);
        int index = lines.TakeWhile(l => !(l.Tag == "(7fe0,0010)" && l.Depth == 0))
            .Count(l => l.Value.StartsWith("=/", StringComparison.Ordinal));
        return await File.ReadAllBytesAsync(Path.Combine(folder, $"{Path.GetFileName(file)}.{index}.raw"), ct);
    }

    private static async Task<string> WriteSyntheticAsync(string path, bool rgb, CancellationToken ct)
    {
        int rows = 96;
        int columns = 130;
        var ds = new DicomDataset();
        Set(ds, DicomTag.SOPClassUID, DicomVR.UI, rgb ? "1.2.840.10008.5.1.4.1.1.7" : "1.2.840.10008.5.1.4.1.1.2");
        Set(ds, DicomTag.SOPInstanceUID, DicomVR.UI, rgb ? "2.25.3001" : "2.25.3002");
        Set(ds, DicomTag.Modality, DicomVR.CS, rgb ? "OT" : "CT");
        Set(ds, DicomTag.PhotometricInterpretation, DicomVR.CS, rgb ? "RGB" : "MONOCHROME2");
        US(ds, DicomTag.SamplesPerPixel, rgb ? (ushort)3 : (ushort)1);
        if (rgb)
        {
            US(ds, DicomTag.PlanarConfiguration, 0);
        }

        US(ds, DicomTag.Rows, (ushort)rows);
        US(ds, DicomTag.Columns, (ushort)columns);
        US(ds, DicomTag.BitsAllocated, rgb ? (ushort)8 : (ushort)16);
        US(ds, DicomTag.BitsStored, rgb ? (ushort)8 : (ushort)12);
        US(ds, DicomTag.HighBit, rgb ? (ushort)7 : (ushort)11);
        US(ds, DicomTag.PixelRepresentation, 0);
        byte[] pixels = new byte[rows * columns * (rgb ? 3 : 2)];
        for (int i = 0; i < rows * columns; i++)
        {
            if (rgb)
            {
                pixels[i * 3] = (byte)(i % 251);
                pixels[(i * 3) + 1] = (byte)(i / columns * 2);
                pixels[(i * 3) + 2] = (byte)(i % columns < 40 ? 200 : 17);
            }
            else
            {
                int value = i % columns < 50 ? 1024 : (i * 37) % 4096;
                BinaryPrimitives.WriteUInt16LittleEndian(pixels.AsSpan(i * 2), (ushort)value);
            }
        }

        ds.AddOrUpdate(new DicomElement(DicomTag.PixelData, rgb ? DicomVR.OB : DicomVR.OW, DicomBuffer.FromBytes(pixels)));
        await new DicomFile(new DicomDataset(), ds, DicomTransferSyntax.ExplicitVRLittleEndian).SaveAsync(path, cancellationToken: ct);
        return path;
    }

    private static void Set(DicomDataset ds, DicomTag tag, DicomVR vr, string value) => ds.SetString(tag, vr, value);

    private static void US(DicomDataset ds, DicomTag tag, ushort value)
    {
        byte[] bytes = new byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, value);
        ds.AddOrUpdate(new DicomElement(tag, DicomVR.US, DicomBuffer.FromBytes(bytes)));
    }
}
