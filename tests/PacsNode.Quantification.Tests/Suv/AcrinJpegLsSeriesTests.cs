using System.IO.Compression;
using System.Text;
using System.Text.Json;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO;
using PacsNode.Dicom.IO.Buffers;
using PacsNode.Dicom.IO.Json;
using PacsNode.Quantification.Suv;
using PacsNode.Quantification.Volume;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Quantification.Tests.Suv;

/// <summary>
/// The 135-slice ACRIN PET series, stored as static DICOMweb (DICOM JSON metadata and JPEG-LS frames), rebuilt
/// into Part 10 files: the SUVbw factor read back from those files matches Slicer's RWVM (0.00042111, to 0.1%),
/// and the SUV volume our JPEG-LS decoder builds equals, voxel for voxel, the one built from DCMTK's dcmdjpls
/// decompression of the same files.
/// </summary>
[Trait("Category", "Interop")]
public sealed class AcrinJpegLsSeriesTests
{
    private const string Study = "1.3.6.1.4.1.14519.5.2.1.7009.2403.334240657131972136850343327463";
    private const string Series = "1.3.6.1.4.1.14519.5.2.1.7009.2403.879445243400782656317561081015";

    [Fact]
    public async Task AcrinSeries_RebuiltFromDicomWeb_GivesRwvmFactorAndDcmtksPixels()
    {
        RequiresTool.SharedTestData();
        string dcmdjpls = RequiresTool.Dcmtk("dcmdjpls");
        CancellationToken ct = TestContext.Current.CancellationToken;
        string seriesFolder = TestData.Path("ohif-viewer-testdata-dicomweb", "studies", Study, "series", Series);
        using var dir = new TempDirectory("acrin");

        var rebuilt = new List<DicomFile>();
        var decompressed = new List<DicomFile>();
        await using (FileStream metadata = File.OpenRead(Path.Combine(seriesFolder, "metadata.gz")))
        await using (var gzip = new GZipStream(metadata, CompressionMode.Decompress))
        {
            using JsonDocument document = await JsonDocument.ParseAsync(gzip, cancellationToken: ct);
            foreach (JsonElement instance in document.RootElement.EnumerateArray())
            {
                DicomDataset dataset = DicomJsonReader.Read(instance).Dataset;
                string uid = dataset.GetString(DicomTag.SOPInstanceUID)!;
                byte[] frame = FirstPart(await File.ReadAllBytesAsync(Path.Combine(seriesFolder, "instances", uid, "frames", "1"), ct));
                dataset.AddOrUpdate(new DicomFragmentSequence(DicomTag.PixelData, DicomVR.OB, null, [DicomBuffer.FromBytes(frame)]));
                string path = dir.Combine(uid + ".dcm");
                await new DicomFile(new DicomDataset(), dataset, DicomTransferSyntax.JpegLSLossless).SaveAsync(path, cancellationToken: ct);
                string reference = dir.Combine(uid + ".dcmtk.dcm");
                (await ExternalTool.RunAsync(dcmdjpls, [path, reference], new ToolRunOptions { LogToTestOutput = false }, ct)).AssertSuccess();
                rebuilt.Add(await DicomFile.OpenAsync(path, cancellationToken: ct));
                decompressed.Add(await DicomFile.OpenAsync(reference, cancellationToken: ct));
            }
        }

        Assert.Equal(135, rebuilt.Count);
        SuvResult suv = SuvCalculator.Calculate([.. rebuilt.Select(f => f.Dataset)]);
        Assert.True(suv.IsSuccess, suv.ToString());
        Assert.Equal(0.00042111, suv.Factors.SeriesFactorBw!.Value, 0.00042111 * 0.001);

        VolumeResult<SuvVolume> ours = await SuvVolumeBuilder.BuildAsync(rebuilt, suv.Factors, SuvNormalisation.BodyWeight, ct);
        VolumeResult<SuvVolume> dcmtk = await SuvVolumeBuilder.BuildAsync(decompressed, suv.Factors, SuvNormalisation.BodyWeight, ct);
        Assert.True(ours.IsSuccess, ours.ToString());
        Assert.True(dcmtk.IsSuccess, dcmtk.ToString());
        Assert.Equal(128 * 128 * 135, ours.Value.Voxels.Length);
        Assert.Equal(dcmtk.Value.Voxels, ours.Value.Voxels);
        Assert.InRange(ours.Value.Voxels.Max(), 1f, 100f);
    }

    /// <summary>The body of the first part of a multipart/related response (PS3.18 8.7.1).</summary>
    internal static byte[] FirstPart(byte[] body)
    {
        int lineEnd = Array.IndexOf(body, (byte)'\n');
        string boundary = Encoding.ASCII.GetString(body, 0, lineEnd).TrimEnd('\r');
        int start = body.AsSpan().IndexOf("\r\n\r\n"u8) + 4;
        int end = body.AsSpan(start).IndexOf(Encoding.ASCII.GetBytes("\r\n" + boundary));
        Assert.True(start >= 4 && end > 0, "not a multipart/related body");
        return body.AsSpan(start, end).ToArray();
    }
}
