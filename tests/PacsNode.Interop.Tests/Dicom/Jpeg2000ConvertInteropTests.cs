using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO;
using PacsNode.Dicom.IO.Buffers;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Interop.Tests.Dicom;

/// <summary>
/// JPEG 2000 DICOM files made with OpenJPEG's opj_compress (each frame a different configuration), wrapped into
/// encapsulated Pixel Data here, then converted by <c>pacsnode convert --ts explicit</c>: lossless frames must come
/// back as the pixels that were compressed, RCT-coded colour as RGB, and 9/7 frames as opj_decompress gives them (±1).
/// </summary>
[Trait("Category", "Interop")]
public sealed class Jpeg2000ConvertInteropTests
{
    [Theory]
    [InlineData("ct12", "1.2.840.10008.1.2.4.90")]
    [InlineData("pet16s", "1.2.840.10008.1.2.4.90")]
    [InlineData("rgb8", "1.2.840.10008.1.2.4.90")]
    [InlineData("ct16", "1.2.840.10008.1.2.4.91")]
    public async Task Convert_OpenJpegFramesToExplicit_GivesTheirPixels(string kind, string syntax)
    {
        string compress = RequiresTool.OnPath("opj_compress", "libopenjp2-tools");
        string decompress = RequiresTool.OnPath("opj_decompress", "libopenjp2-tools");
        CancellationToken ct = TestContext.Current.CancellationToken;
        using var dir = new TempDirectory("j2k-convert");
        bool rgb = kind == "rgb8";
        bool signed = kind == "pet16s";
        int bits = kind switch { "ct12" => 12, "rgb8" => 8, _ => 16 };
        (int columns, int rows) = (75, 58);
        bool lossy = syntax.EndsWith(".91", StringComparison.Ordinal);
        string[][] frameOptions = lossy
            ? [["-I", "-r", "8"], ["-I", "-t", "40,30", "-n", "3", "-p", "RPCL"]]
            : [["-r", "20,10,1", "-c", "[32,32],[16,16]", "-p", "PCRL"], ["-t", "40,30", "-n", "3", "-M", "63", "-SOP", "-EPH"]];
        var frames = new List<byte[]>();
        var expected = new List<byte[]>();
        for (int f = 0; f < frameOptions.Length; f++)
        {
            byte[] native = Image(columns, rows, rgb ? 3 : 1, bits, signed, seed: f + 1);
            string input = await WriteInputAsync(dir.Combine($"in{f}"), native, columns, rows, rgb, bits, signed, ct);
            string codestream = dir.Combine($"f{f}.j2k");
            string[] format = rgb ? [] : ["-F", string.Create(CultureInfo.InvariantCulture, $"{columns},{rows},1,{bits},{(signed ? "s" : "u")}")];
            (await ExternalTool.RunAsync(compress, ["-i", input, .. format, "-o", codestream, .. frameOptions[f]],
                new ToolRunOptions { LogToTestOutput = false }, ct)).AssertSuccess();
            frames.Add(await File.ReadAllBytesAsync(codestream, ct));
            expected.Add(lossy ? await OpenJpegPixelsAsync(decompress, codestream, native.Length, dir, ct) : native);
        }

        string dicom = dir.Combine("j2k.dcm");
        await WriteDicomAsync(dicom, frames, columns, rows, rgb, bits, signed, syntax, ct);
        string output = dir.Combine("explicit.dcm");
        (await PacsNodeCli.RunAsync(["convert", dicom, output, "--ts", "explicit"], cancellationToken: ct)).AssertSuccess();
        DicomFile converted = await DicomFile.OpenAsync(output, cancellationToken: ct);
        Assert.Equal(DicomTransferSyntax.ExplicitVRLittleEndian, converted.TransferSyntax);
        Assert.Equal(rgb ? "RGB" : "MONOCHROME2", converted.Dataset.GetString(DicomTag.PhotometricInterpretation));
        byte[] pixels = ((DicomElement)converted.Dataset.Get(DicomTag.PixelData)!).Buffer.Memory.ToArray();
        byte[] all = expected.SelectMany(e => e).ToArray();
        Assert.Equal(all.Length, pixels.Length);
        int worst = 0;
        for (int i = 0; i < all.Length; i += bits > 8 ? 2 : 1)
        {
            int a = bits > 8 ? BinaryPrimitives.ReadInt16LittleEndian(all.AsSpan(i)) : all[i];
            int b = bits > 8 ? BinaryPrimitives.ReadInt16LittleEndian(pixels.AsSpan(i)) : pixels[i];
            worst = Math.Max(worst, Math.Abs(a - b));
        }

        Assert.True(worst <= (lossy ? 1 : 0), $"{kind} {syntax}: a sample is {worst} away from the expected pixels");
    }

    [Fact]
    public async Task Convert_ToJpeg2000_IsRefusedWithAClearMessage()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        using var dir = new TempDirectory("j2k-refuse");
        string input = dir.Combine("in.dcm");
        await WriteDicomAsync(input, [Image(16, 8, 1, 16, false, 1)], 16, 8, false, 16, false, DicomTransferSyntax.ExplicitVRLittleEndian.Uid, ct);
        ToolResult run = await PacsNodeCli.RunAsync(["convert", input, dir.Combine("out.dcm"), "--ts", "1.2.840.10008.1.2.4.90"],
            cancellationToken: ct);
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("not supported: encoding", run.StandardError + run.StandardOutput, StringComparison.Ordinal);
    }

    private static byte[] Image(int columns, int rows, int samples, int bits, bool signed, int seed)
    {
        var random = new Random(seed);
        int bytes = bits > 8 ? 2 : 1;
        byte[] native = new byte[columns * rows * samples * bytes];
        int min = signed ? -(1 << (bits - 1)) : 0;
        int max = signed ? (1 << (bits - 1)) - 1 : (1 << bits) - 1;
        for (int i = 0; i < columns * rows * samples; i++)
        {
            int x = i / samples % columns;
            int y = i / samples / columns;
            int value = Math.Clamp(min + (((x * 97) + (y * 131) + ((i % samples) * 50)) % (max - min + 1) / 2) + random.Next(-30, 31), min, max);
            if (bytes == 2)
            {
                BinaryPrimitives.WriteInt16LittleEndian(native.AsSpan(i * 2), (short)value);
            }
            else
            {
                native[i] = (byte)value;
            }
        }

        return native;
    }

    private static async Task<string> WriteInputAsync(string stem, byte[] native, int columns, int rows, bool rgb, int bits, bool signed, CancellationToken ct)
    {
        _ = bits;
        _ = signed;
        if (rgb)
        {
            byte[] header = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"P6\n{columns} {rows}\n255\n"));
            await File.WriteAllBytesAsync(stem + ".ppm", [.. header, .. native], ct);
            return stem + ".ppm";
        }

        await File.WriteAllBytesAsync(stem + ".rawl", native, ct);
        return stem + ".rawl";
    }

    private static async Task<byte[]> OpenJpegPixelsAsync(string decompress, string codestream, int length, TempDirectory dir, CancellationToken ct)
    {
        string output = dir.Combine(Path.GetFileNameWithoutExtension(codestream) + "-opj.rawl");
        (await ExternalTool.RunAsync(decompress, ["-i", codestream, "-o", output],
            new ToolRunOptions { LogToTestOutput = false }, ct)).AssertSuccess();
        byte[] bytes = await File.ReadAllBytesAsync(output, ct);
        return bytes[^length..];
    }

    private static async Task WriteDicomAsync(string path, List<byte[]> frames, int columns, int rows, bool rgb, int bits, bool signed,
        string syntax, CancellationToken ct)
    {
        var ds = new DicomDataset();
        ds.SetString(DicomTag.SOPClassUID, DicomVR.UI, rgb ? "1.2.840.10008.5.1.4.1.1.7" : "1.2.840.10008.5.1.4.1.1.128");
        ds.SetString(DicomTag.SOPInstanceUID, DicomVR.UI, "2.25.7" + frames[0].Length.ToString(CultureInfo.InvariantCulture));
        ds.SetString(DicomTag.Modality, DicomVR.CS, rgb ? "OT" : "PT");
        // PS3.5 8.2.4: a colour codestream with the reversible component transform is YBR_RCT.
        ds.SetString(DicomTag.PhotometricInterpretation, DicomVR.CS, rgb ? "YBR_RCT" : "MONOCHROME2");
        ds.SetString(DicomTag.NumberOfFrames, DicomVR.IS, frames.Count.ToString(CultureInfo.InvariantCulture));
        US(ds, DicomTag.SamplesPerPixel, rgb ? 3 : 1);
        if (rgb)
        {
            US(ds, DicomTag.PlanarConfiguration, 0);
        }

        US(ds, DicomTag.Rows, rows);
        US(ds, DicomTag.Columns, columns);
        US(ds, DicomTag.BitsAllocated, bits > 8 ? 16 : 8);
        US(ds, DicomTag.BitsStored, bits);
        US(ds, DicomTag.HighBit, bits - 1);
        US(ds, DicomTag.PixelRepresentation, signed ? 1 : 0);
        var transferSyntax = DicomTransferSyntax.FromUid(syntax);
        if (transferSyntax.IsEncapsulated)
        {
            // One fragment per frame, padded to even length as PS3.5 A.4 requires, and a Basic Offset Table.
            byte[][] fragments = frames.Select(f => f.Length % 2 == 0 ? f : [.. f, 0]).ToArray();
            byte[] table = new byte[fragments.Length * 4];
            for (int i = 1; i < fragments.Length; i++)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(table.AsSpan(i * 4),
                    BinaryPrimitives.ReadUInt32LittleEndian(table.AsSpan((i - 1) * 4)) + 8 + (uint)fragments[i - 1].Length);
            }

            ds.AddOrUpdate(new DicomFragmentSequence(DicomTag.PixelData, DicomVR.OB, DicomBuffer.FromBytes(table),
                fragments.Select(f => DicomBuffer.FromBytes(f))));
        }
        else
        {
            ds.AddOrUpdate(new DicomElement(DicomTag.PixelData, DicomVR.OW, DicomBuffer.FromBytes(frames[0])));
        }

        await new DicomFile(new DicomDataset(), ds, transferSyntax).SaveAsync(path, cancellationToken: ct);
    }

    private static void US(DicomDataset ds, DicomTag tag, int value)
    {
        byte[] bytes = new byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, (ushort)value);
        ds.AddOrUpdate(new DicomElement(tag, DicomVR.US, DicomBuffer.FromBytes(bytes)));
    }
}
