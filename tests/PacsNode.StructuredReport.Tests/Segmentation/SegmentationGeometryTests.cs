using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO;
using PacsNode.StructuredReport.Content;
using PacsNode.StructuredReport.Documents;
using PacsNode.StructuredReport.Segmentation;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.StructuredReport.Tests.Segmentation;

public sealed class SegmentationGeometryTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public void FromSlices_TwoHeaders_TakesGridFromTheFirstAndSpacingFromThePositions()
    {
        var g = SegmentationGeometry.FromSlices([Slice("2.25.1", 10.0), Slice("2.25.2", 13.0)]);
        Assert.Equal((16, 20, 3.5, 4.0, 3.0, 2.0), (g.Rows, g.Columns, g.RowSpacing, g.ColumnSpacing, g.SpacingBetweenSlices, g.SliceThickness));
        Assert.Equal([1.0, 0, 0, 0, 1, 0], g.ImageOrientationPatient);
        Assert.Equal(["2.25.1", "2.25.2"], g.Slices.Select(s => s.SopInstanceUid));
        Assert.Equal(13.0, g.Slices[1].Z);
        Assert.Equal(("2.25.9", "2.25.8"), (g.FrameOfReferenceUid, g.SourceSeriesInstanceUid));
    }

    [Fact]
    public void FromSlices_MissingPosition_NamesTheAttribute()
    {
        DicomDataset bad = Slice("2.25.1", 0);
        bad.Remove(DicomTag.ImagePositionPatient);
        ArgumentException error = Assert.Throws<ArgumentException>(() => SegmentationGeometry.FromSlices([bad]));
        Assert.Contains("ImagePositionPatient", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DerivedUid_SameParts_SameValidUidAndPartsDoNotRunTogether()
    {
        string uid = DerivedUid.Create("2.25.1001", "sr");
        Assert.Equal(uid, DerivedUid.Create("2.25.1001", "sr"));
        Assert.NotEqual(uid, DerivedUid.Create("2.25.100", "1sr"));
        Assert.Matches("^2\\.25\\.(0|[1-9][0-9]*)$", uid);
        Assert.True(uid.Length <= 64);
    }

    /// <summary>
    /// The grid of a real PET series (IBSI DRO_0_0, 20 slices of 256×256 at 4 mm) carries a SEG that dciodvfy accepts.
    /// The subject stays the sample's: the DRO reuses its StudyInstanceUID as FrameOfReferenceUID, which dciodvfy
    /// reports as an error in the DRO itself.
    /// </summary>
    [Fact]
    [Trait("Category", "Interop")]
    public async Task FromSlices_IbsiDroSeries_SegPassesDciodvfy()
    {
        RequiresTool.SharedTestData();
        var slices = new List<DicomDataset>();
        foreach (string file in Directory.GetFiles(TestData.Path("ibsi-suv-dro", "DRO", "DRO_0_0", "PT"), "*.dcm"))
        {
            slices.Add((await DicomFile.OpenAsync(file, new DicomReaderOptions { StopAtTag = DicomTag.PixelData }, Token)).Dataset);
        }

        slices.Sort((a, b) => a.GetDoubles(DicomTag.ImagePositionPatient)![2].CompareTo(b.GetDoubles(DicomTag.ImagePositionPatient)![2]));
        var geometry = SegmentationGeometry.FromSlices(slices);
        Assert.Equal((256, 256, 20, 4.0), (geometry.Rows, geometry.Columns, geometry.Slices.Count, geometry.RowSpacing));

        SegmentationInput input = SegmentationSamples.Input() with
        {
            Geometry = geometry,
            Segments = [new SegmentDefinition
            {
                Number = 1, Label = "HOT", Category = Concepts.MorphologicallyAlteredStructure, Type = Concepts.Mass,
                AlgorithmType = SegmentAlgorithmType.Automatic, AlgorithmName = "test", Voxels = [128 + (256 * (128 + (256 * 10)))],
            }],
        };
        using var temp = new TempDirectory("dro");
        string path = temp.Combine("seg.dcm");
        await SegmentationWriter.Write(input).SaveAsync(path, cancellationToken: Token);
        await Dciodvfy.AssertValidAsync(path, [], Token);
    }

    private static DicomDataset Slice(string uid, double z)
    {
        var d = new DicomDataset();
        d.SetString(DicomTag.SOPClassUID, DicomVR.UI, DicomUid.PositronEmissionTomographyImageStorage);
        d.SetString(DicomTag.SOPInstanceUID, DicomVR.UI, uid);
        d.SetString(DicomTag.SeriesInstanceUID, DicomVR.UI, "2.25.8");
        d.SetString(DicomTag.FrameOfReferenceUID, DicomVR.UI, "2.25.9");
        d.SetString(DicomTag.ImagePositionPatient, DicomVR.DS, $"-40\\-28\\{z}");
        d.SetString(DicomTag.ImageOrientationPatient, DicomVR.DS, "1\\0\\0\\0\\1\\0");
        d.SetString(DicomTag.PixelSpacing, DicomVR.DS, "3.5\\4");
        d.SetString(DicomTag.SliceThickness, DicomVR.DS, "2");
        d.AddOrUpdate(new DicomElement(DicomTag.Rows, DicomVR.US, PacsNode.Dicom.IO.Buffers.DicomBuffer.FromBytes(new byte[] { 16, 0 })));
        d.AddOrUpdate(new DicomElement(DicomTag.Columns, DicomVR.US, PacsNode.Dicom.IO.Buffers.DicomBuffer.FromBytes(new byte[] { 20, 0 })));
        return d;
    }
}
