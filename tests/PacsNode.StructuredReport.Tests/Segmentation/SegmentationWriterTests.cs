using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO;
using PacsNode.Quantification.Vois;
using PacsNode.Quantification.Volume;
using PacsNode.StructuredReport.Segmentation;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.StructuredReport.Tests.Segmentation;

public sealed class SegmentationWriterTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Write_ThenSegReader_GivesTheSameVoxelsPerSegment()
    {
        using var stream = new MemoryStream();
        await SegmentationWriter.Write(SegmentationSamples.Input()).WriteAsync(stream, cancellationToken: Token);
        var file = DicomFile.Parse(stream.ToArray());

        var geometry = new VolumeGeometry(
            SegmentationSamples.Columns, SegmentationSamples.Rows, SegmentationSamples.SliceCount,
            SegmentationSamples.RowSpacing, SegmentationSamples.ColumnSpacing, SegmentationSamples.SliceSpacing,
            new PatientVector(-40.0, -28.0, SegmentationSamples.OriginZ), new PatientVector(1, 0, 0), new PatientVector(0, 1, 0),
            [.. Enumerable.Range(0, SegmentationSamples.SliceCount)]);
        var pet = new PetSeriesReference(
            SegmentationSamples.FrameOfReferenceUid, ReportSamples.PetSeriesUid, [.. SegmentationSamples.Slices.Select(s => s.SopInstanceUid)]);
        VoiReadResult result = await SegReader.ReadAsync(file.Dataset, geometry, pet, Token);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(["L1", "L2", "LIVER"], result.Vois.Select(v => v.Name));
        Assert.Equal(SegmentationSamples.SpanningLesion.Order(), result.Vois[0].Voxels);
        Assert.Equal(SegmentationSamples.SingleVoxel, result.Vois[1].Voxels);
        Assert.Equal(SegmentationSamples.LiverBlock.Order(), result.Vois[2].Voxels);
        Assert.Contains(result.Notes, n => n.Contains("segment 4", StringComparison.Ordinal));
    }

    [Fact]
    public void Write_Sample_HasOneFramePerSegmentSliceAndAnEmptyFrameForTheEmptySegment()
    {
        DicomDataset seg = SegmentationWriter.Write(SegmentationSamples.Input()).Dataset;

        // L1 spans slices 2..10 (9 frames), L2 one voxel (1), the liver slices 0..2 (3), the empty L3 one empty frame.
        Assert.True(seg.TryGetInt32(DicomTag.NumberOfFrames, out int frames));
        Assert.Equal(9 + 1 + 3 + 1, frames);
        Assert.Equal(frames, seg.GetSequence(DicomTag.PerFrameFunctionalGroupsSequence)!.Items.Count);
        int bytes = ((frames * SegmentationSamples.Rows * SegmentationSamples.Columns) + 7) / 8;
        Assert.Equal(bytes + (bytes & 1), ((DicomElement)seg.Get(DicomTag.PixelData)!).Length);
        Assert.Equal("BINARY", seg.GetString(DicomTag.SegmentationType));
    }

    [Fact]
    public void Write_VoxelOutsideTheGrid_IsRefused()
    {
        SegmentationInput input = SegmentationSamples.Input();
        SegmentationInput bad = input with { Segments = [input.Segments[0] with { Voxels = [SegmentationSamples.Columns * SegmentationSamples.Rows * SegmentationSamples.SliceCount] }] };
        Assert.Throws<ArgumentException>(() => SegmentationWriter.Write(bad));
    }

    [Fact]
    public void DimensionOrganizationUid_SameInstance_IsTheSameValidUid()
    {
        string uid = SegmentationFunctionalGroups.DimensionOrganizationUid("2.25.1005");
        Assert.Equal(uid, SegmentationFunctionalGroups.DimensionOrganizationUid("2.25.1005"));
        Assert.NotEqual(uid, SegmentationFunctionalGroups.DimensionOrganizationUid("2.25.1006"));
        Assert.Matches("^2\\.25\\.(0|[1-9][0-9]*)$", uid);
        Assert.True(uid.Length <= 64);
    }

    [Fact]
    [Trait("Category", "Interop")]
    public async Task Write_Sample_PassesDciodvfyWithoutErrorsOrWarnings()
    {
        using var temp = new TempDirectory("seg");
        string path = temp.Combine("seg.dcm");
        await SegmentationWriter.Write(SegmentationSamples.Input()).SaveAsync(path, cancellationToken: Token);
        await Dciodvfy.AssertValidAsync(path, [], Token);
    }

    /// <summary>pydicom's own 1-bit unpacking (pixel_array) and the frames' plane positions give the voxels back.</summary>
    [Fact]
    [Trait("Category", "Interop")]
    public async Task Write_Sample_PydicomUnpacksTheSameVoxels()
    {
        PythonRunner python = await RequiresTool.PydicomAsync(Token);
        using var temp = new TempDirectory("seg");
        string path = temp.Combine("seg.dcm");
        await SegmentationWriter.Write(SegmentationSamples.Input()).SaveAsync(path, cancellationToken: Token);
        ToolResult result = await python.RunScriptAsync(UnpackScript, [path, "-100.0", "3.27"], cancellationToken: Token);
        result.AssertSuccess();

        string[] expected =
        [
            .. SegmentationSamples.SpanningLesion.Order().Select(v => $"1 {v}"),
            .. SegmentationSamples.SingleVoxel.Select(v => $"2 {v}"),
            .. SegmentationSamples.LiverBlock.Order().Select(v => $"3 {v}"),
        ];
        Assert.Equal(expected, result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    private const string UnpackScript = """
        import sys, pydicom, numpy as np
        ds = pydicom.dcmread(sys.argv[1])
        origin, spacing = float(sys.argv[2]), float(sys.argv[3])
        pixels = ds.pixel_array.reshape(int(ds.NumberOfFrames), ds.Rows, ds.Columns)
        out = []
        for f, group in enumerate(ds.PerFrameFunctionalGroupsSequence):
            seg = int(group.SegmentIdentificationSequence[0].ReferencedSegmentNumber)
            z = int(round((float(group.PlanePositionSequence[0].ImagePositionPatient[2]) - origin) / spacing))
            for y, x in zip(*np.nonzero(pixels[f])):
                out.append((seg, int(x) + ds.Columns * (int(y) + ds.Rows * z)))
        for seg, v in sorted(out):
            print(seg, v)
        """;
}
