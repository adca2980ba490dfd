using System.IO.Compression;
using System.Text.Json;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO;
using PacsNode.Dicom.IO.Buffers;
using PacsNode.Dicom.IO.Json;
using PacsNode.Quantification.Kernels;
using PacsNode.Quantification.Lesions;
using PacsNode.Quantification.Tests.Suv;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Quantification.Tests.Lesions;

/// <summary>
/// A real SEG on a real PET: the ACRIN 135-slice GE series (static DICOMweb, JPEG-LS frames) and its dcmqi SEG
/// "PT-Segmentation" (58 binary frames, segments "pt_segment_1" and "Segment_2"). Every frame must land on a slice
/// and each VOI must hold exactly the set bits of its segment's frames, counted straight from the SEG's pixel data.
/// </summary>
public sealed class AcrinSegQuantifyTests
{
    private const string Study = "1.3.6.1.4.1.14519.5.2.1.7009.2403.334240657131972136850343327463";
    private const string Pet = "1.3.6.1.4.1.14519.5.2.1.7009.2403.879445243400782656317561081015";
    private const string Seg = "1.2.276.0.7230010.3.1.3.0.25814.1661528447.504365";

    [Fact]
    public async Task Quantify_AcrinPetWithItsSeg_MeasuresEachSegmentsVoxels()
    {
        RequiresTool.SharedTestData();
        CancellationToken ct = TestContext.Current.CancellationToken;
        IReadOnlyList<DicomFile> pet = await PetAsync(ct);
        DicomDataset seg = await SegAsync(ct);
        using var kernels = new ReferenceKernels();

        QuantifyResult result = await new PetQuantifier(kernels).QuantifyAsync(pet, new QuantifyRequest { Seg = seg }, ct);

        Assert.True(result.IsSuccess, result.Failure?.ToString());
        Assert.Equal(["S1", "S2"], result.Vois.Select(v => v.Voi.Id));
        Assert.Equal(["pt_segment_1", "Segment_2"], result.Vois.Select(v => v.Voi.Name));
        Assert.Equal(SetBits(seg, 1), result.Vois[0].Metrics.VoxelCount);
        Assert.Equal(SetBits(seg, 2), result.Vois[1].Metrics.VoxelCount);
        foreach (MeasuredVoi v in result.Vois)
        {
            Assert.InRange(v.Metrics.SuvMax, v.Metrics.SuvMean, 100);
            Assert.InRange(v.Metrics.SuvMin, 0, v.Metrics.SuvMean);
            Assert.NotNull(v.Metrics.Tlg);
            Assert.NotNull(v.Metrics.SulPeak);
        }

        TestContext.Current.TestOutputHelper?.WriteLine(string.Join(", ", result.TimingsMs.Select(t => $"{t.Key} {t.Value:0} ms")));
    }

    [Fact]
    public async Task Quantify_AcrinPetWithoutVois_ReportsCandidatesAndAThreshold()
    {
        RequiresTool.SharedTestData();
        CancellationToken ct = TestContext.Current.CancellationToken;
        IReadOnlyList<DicomFile> pet = await PetAsync(ct);
        using var kernels = new ReferenceKernels();

        QuantifyResult result = await new PetQuantifier(kernels).QuantifyAsync(pet, new QuantifyRequest(), ct);

        Assert.True(result.IsSuccess, result.Failure?.ToString());
        LesionDetection detection = result.Detection!;
        Assert.NotEmpty(detection.Candidates);
        Assert.Equal(detection.Candidates.Count(c => c.Accepted), result.Vois.Count);
        Assert.Equal(detection.Candidates.Select(c => c.SortPeak).OrderDescending(), detection.Candidates.Select(c => c.SortPeak));
        Assert.All(detection.Candidates.Where(c => !c.Accepted), c => Assert.False(string.IsNullOrEmpty(c.RejectionReason)));
        Assert.All(result.Vois, v => Assert.True(v.Metrics.SuvPeak > detection.Threshold.Suv && v.Metrics.MtvMl >= 1));
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"liver {(result.Liver.IsFound ? result.Liver.Liver.ToString() : result.Liver.Reason)}; threshold {detection.Threshold}; " +
            $"{detection.Candidates.Count} candidates, {result.Vois.Count} lesions; " + string.Join(", ", result.TimingsMs.Select(t => $"{t.Key} {t.Value:0} ms")));
    }

    /// <summary>The set bits of the frames of one segment.</summary>
    private static long SetBits(DicomDataset seg, int segment)
    {
        byte[] bits = ((DicomElement)seg.Get(DicomTag.PixelData)!).Buffer.Span.ToArray();
        IList<DicomDataset> frames = seg.GetSequence(DicomTag.PerFrameFunctionalGroupsSequence)!.Items;
        long count = 0;
        for (int f = 0; f < frames.Count; f++)
        {
            frames[f].GetSequence(DicomTag.SegmentIdentificationSequence)!.Items[0].TryGetInt32(DicomTag.ReferencedSegmentNumber, out int s);
            if (s != segment)
            {
                continue;
            }

            for (long bit = (long)f * 128 * 128; bit < (long)(f + 1) * 128 * 128; bit++)
            {
                count += (bits[bit >> 3] >> (int)(bit & 7)) & 1;
            }
        }

        return count;
    }

    private static async Task<IReadOnlyList<DicomFile>> PetAsync(CancellationToken ct)
    {
        string folder = TestData.Path("ohif-viewer-testdata-dicomweb", "studies", Study, "series", Pet);
        var files = new List<DicomFile>();
        await using FileStream metadata = File.OpenRead(Path.Combine(folder, "metadata.gz"));
        await using var gzip = new GZipStream(metadata, CompressionMode.Decompress);
        using JsonDocument document = await JsonDocument.ParseAsync(gzip, cancellationToken: ct);
        foreach (JsonElement instance in document.RootElement.EnumerateArray())
        {
            DicomDataset dataset = DicomJsonReader.Read(instance).Dataset;
            string uid = dataset.GetString(DicomTag.SOPInstanceUID)!;
            byte[] frame = AcrinJpegLsSeriesTests.FirstPart(await File.ReadAllBytesAsync(Path.Combine(folder, "instances", uid, "frames", "1"), ct));
            dataset.AddOrUpdate(new DicomFragmentSequence(DicomTag.PixelData, DicomVR.OB, null, [DicomBuffer.FromBytes(frame)]));
            files.Add(new DicomFile(new DicomDataset(), dataset, DicomTransferSyntax.JpegLSLossless));
        }

        return files;
    }

    private static async Task<DicomDataset> SegAsync(CancellationToken ct)
    {
        string folder = TestData.Path("ohif-viewer-testdata-dicomweb", "studies", Study, "series", Seg, "instances");
        string instance = Directory.GetDirectories(folder).Single();
        await using FileStream file = File.OpenRead(Path.Combine(instance, "index.mht.gz"));
        await using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var body = new MemoryStream();
        await gzip.CopyToAsync(body, ct);
        return DicomFile.Parse(AcrinJpegLsSeriesTests.FirstPart(body.ToArray())).Dataset;
    }
}
