using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.Imaging;
using PacsNode.Dicom.IO;
using PacsNode.Dicom.IO.Buffers;
using PacsNode.Dicom.IO.Json;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Interop.Tests.Dicom;

/// <summary>
/// <see cref="DicomPixelData"/> on real compressed PET: GE's JPEG Lossless (GH184, GH610), the ACRIN JPEG-LS frames
/// rebuilt into Part 10, and real Siemens (unsigned) and CPS (signed) slices compressed by DCMTK's dcmcrle and
/// dcmcjpls. Truth: DCMTK decompresses each file (dcmdjpeg, dcmdrle, dcmdjpls) and pydicom reads that file's
/// pixel_array and applies its modality LUT (apply_modality_lut); our stored values must equal pydicom's exactly and
/// our rescaled floats must equal its doubles to float precision.
/// </summary>
[Trait("Category", "Interop")]
public sealed class PixelDataInteropTests
{
    private const string Script = """
        import sys, numpy as np, pydicom
        from pydicom.pixel_data_handlers.util import apply_modality_lut
        for path in sys.argv[1:]:
            ds = pydicom.dcmread(path)
            stored = ds.pixel_array
            np.asarray(stored, dtype='<i4').tofile(path + '.i4')
            np.asarray(apply_modality_lut(stored, ds), dtype='<f8').tofile(path + '.f8')
        """;

    [Fact]
    public async Task GetFrame_RealCompressedPet_EqualsDcmtkDecodeAndPydicomRescale()
    {
        RequiresTool.SharedTestData();
        PythonRunner python = await RequiresTool.PydicomAsync(TestContext.Current.CancellationToken);
        CancellationToken ct = TestContext.Current.CancellationToken;
        using var dir = new TempDirectory("pixel-data");
        string siemens = TestData.Path("orthanc-tests", "2020-11-16-SalimKanounAnonymization.dcm");
        string cps = TestData.Path("suyashkumar-dicom", "1.dcm");
        var cases = new List<(string Compressed, string Decoder)>
        {
            (TestData.Path("fo-dicom", "GH184.dcm"), "dcmdjpeg"),
            (TestData.Path("fo-dicom", "GH610.dcm"), "dcmdjpeg"),
            (await AcrinFirstSliceAsync(dir, ct), "dcmdjpls"),
            (await CompressAsync("dcmcrle", siemens, dir.Combine("siemens-rle.dcm"), ct), "dcmdrle"),
            (await CompressAsync("dcmcrle", cps, dir.Combine("cps-rle.dcm"), ct), "dcmdrle"),
            (await CompressAsync("dcmcjpls", siemens, dir.Combine("siemens-jls.dcm"), ct), "dcmdjpls"),
            (await CompressAsync("dcmcjpls", cps, dir.Combine("cps-jls.dcm"), ct), "dcmdjpls"),
        };

        var references = new List<string>();
        for (int i = 0; i < cases.Count; i++)
        {
            string reference = dir.Combine($"{i}-dcmtk-decoded.dcm");
            (await ExternalTool.RunAsync(RequiresTool.Dcmtk(cases[i].Decoder), [cases[i].Compressed, reference],
                new ToolRunOptions { LogToTestOutput = false }, ct)).AssertSuccess();
            references.Add(reference);
        }

        (await python.RunScriptAsync(Script, references, cancellationToken: ct)).AssertSuccess();
        for (int i = 0; i < cases.Count; i++)
        {
            DicomFile file = await DicomFile.OpenAsync(cases[i].Compressed, cancellationToken: ct);
            Assert.True(file.TransferSyntax.IsEncapsulated, cases[i].Compressed);
            PixelFrame frame = (await DicomPixelData.LoadAsync(file, ct)).GetFrame(0);
            int[] stored = Read(await File.ReadAllBytesAsync(references[i] + ".i4", ct), 4, b => BinaryPrimitives.ReadInt32LittleEndian(b));
            double[] rescaled = Read(await File.ReadAllBytesAsync(references[i] + ".f8", ct), 8, b => BinaryPrimitives.ReadDoubleLittleEndian(b));
            int[] ours = frame.Format.PixelRepresentation == 1
                ? [.. frame.ToInt16().Select(v => (int)v)]
                : [.. frame.ToUInt16().Select(v => (int)v)];
            Assert.True(stored.SequenceEqual(ours), $"{cases[i].Compressed}: stored values differ from {cases[i].Decoder} + pydicom");
            float[] floats = frame.ToFloat();
            Assert.Equal(rescaled.Length, floats.Length);
            int worst = Enumerable.Range(0, floats.Length).MaxBy(k => Math.Abs(floats[k] - rescaled[k]));
            Assert.True(Math.Abs(floats[worst] - rescaled[worst]) <= 1e-6 + (Math.Abs(rescaled[worst]) * 1e-6),
                $"{cases[i].Compressed}: voxel {worst} is {floats[worst]}, pydicom says {rescaled[worst]}");
            Assert.True(rescaled.Max() > rescaled.Min(), "a flat image would prove little");
        }
    }

    private static T[] Read<T>(byte[] bytes, int size, Func<ReadOnlySpan<byte>, T> read) =>
        Enumerable.Range(0, bytes.Length / size).Select(i => read(bytes.AsSpan(i * size, size))).ToArray();

    private static async Task<string> CompressAsync(string tool, string input, string output, CancellationToken ct)
    {
        (await ExternalTool.RunAsync(RequiresTool.Dcmtk(tool), [input, output], new ToolRunOptions { LogToTestOutput = false }, ct)).AssertSuccess();
        return output;
    }

    /// <summary>The first ACRIN PET instance of the static DICOMweb study, rebuilt into Part 10 with its JPEG-LS frame.</summary>
    private static async Task<string> AcrinFirstSliceAsync(TempDirectory dir, CancellationToken ct)
    {
        string series = TestData.Path("ohif-viewer-testdata-dicomweb", "studies",
            "1.3.6.1.4.1.14519.5.2.1.7009.2403.334240657131972136850343327463", "series",
            "1.3.6.1.4.1.14519.5.2.1.7009.2403.879445243400782656317561081015");
        await using FileStream metadata = File.OpenRead(Path.Combine(series, "metadata.gz"));
        await using var gzip = new GZipStream(metadata, CompressionMode.Decompress);
        using JsonDocument document = await JsonDocument.ParseAsync(gzip, cancellationToken: ct);
        DicomDataset dataset = DicomJsonReader.Read(document.RootElement[60]).Dataset;
        string uid = dataset.GetString(DicomTag.SOPInstanceUID)!;
        byte[] body = await File.ReadAllBytesAsync(Path.Combine(series, "instances", uid, "frames", "1"), ct);

        // The body of the first part of the multipart/related response (PS3.18 8.7.1).
        string boundary = Encoding.ASCII.GetString(body, 0, Array.IndexOf(body, (byte)'\n')).TrimEnd('\r');
        int start = body.AsSpan().IndexOf("\r\n\r\n"u8) + 4;
        int length = body.AsSpan(start).IndexOf(Encoding.ASCII.GetBytes("\r\n" + boundary));
        dataset.AddOrUpdate(new DicomFragmentSequence(DicomTag.PixelData, DicomVR.OB, null, [DicomBuffer.FromBytes(body.AsMemory(start, length))]));
        string path = dir.Combine("acrin.dcm");
        await new DicomFile(new DicomDataset(), dataset, DicomTransferSyntax.JpegLSLossless).SaveAsync(path, cancellationToken: ct);
        return path;
    }
}
