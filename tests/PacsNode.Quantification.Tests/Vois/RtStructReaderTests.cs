using System.Globalization;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Quantification.Tests.Support;
using PacsNode.Quantification.Vois;
using PacsNode.Quantification.Volume;
using Xunit;

namespace PacsNode.Quantification.Tests.Vois;

/// <summary>Hand-made structure sets on a 20×20×5 grid of 2 mm voxels at the origin (slice z at z·2 mm, UID 2.25.z).</summary>
public sealed class RtStructReaderTests
{
    private static readonly VolumeGeometry Grid = SyntheticVolume.Geometry(20, 20, 5, 2);

    private static readonly PetSeriesReference Pet = new("1.2.3", "1.2.3.4", [.. Enumerable.Range(0, 5).Select(z => $"2.25.{z}")]);

    [Fact]
    public void Read_SquareWithHoleOnTwoSlices_FillsByEvenOdd()
    {
        // Outer square spans voxel centres 2..12 (mm 3..25), hole 6..8 (mm 11..17), on slices 1 and 2.
        DicomDataset rs = StructureSet("1.2.3",
            Contour("CLOSED_PLANAR", Square(3, 25, 2), "2.25.1"), Contour("CLOSED_PLANAR", Square(11, 17, 2), "2.25.1"),
            Contour("CLOSED_PLANAR", Square(3, 25, 4), null));

        VoiReadResult read = RtStructReader.Read(rs, Grid, Pet);

        Assert.True(read.IsSuccess, read.ToString());
        Voi voi = Assert.Single(read.Vois);
        Assert.Equal(("R7", "GTV", VoiSource.RtStruct), (voi.Id, voi.Name, voi.Source));
        Assert.Equal((121 - 9) + 121, voi.Voxels.Count);
        Assert.DoesNotContain(7 + (20 * (7 + (20 * 1))), voi.Voxels);
        Assert.Contains(7 + (20 * (7 + (20 * 2))), voi.Voxels);
    }

    [Fact]
    public void Read_OtherFrameOfReference_FailsWithFrameOfReferenceMismatch()
    {
        DicomDataset rs = StructureSet("9.9.9", Contour("CLOSED_PLANAR", Square(3, 25, 2), null));

        VoiReadResult read = RtStructReader.Read(rs, Grid, Pet);

        Assert.Equal(VoiFailureReason.FrameOfReferenceMismatch, read.Reason);
    }

    [Fact]
    public void Read_ContourReferencingAnotherSliceOfTheSeries_FailsWithSliceMismatch()
    {
        DicomDataset rs = StructureSet("1.2.3", Contour("CLOSED_PLANAR", Square(3, 25, 2), "2.25.3"));

        VoiReadResult read = RtStructReader.Read(rs, Grid, Pet);

        Assert.Equal(VoiFailureReason.SliceMismatch, read.Reason);
    }

    [Fact]
    public void Read_ObliqueContour_FailsWithGridMismatch()
    {
        DicomDataset rs = StructureSet("1.2.3", Contour("CLOSED_PLANAR", [3, 3, 2, 25, 3, 4, 25, 25, 4], null));

        VoiReadResult read = RtStructReader.Read(rs, Grid, Pet);

        Assert.Equal(VoiFailureReason.GridMismatch, read.Reason);
    }

    [Fact]
    public void Read_OnlyPointsAndOpenContours_FailsWithNoVoisAndSaysWhy()
    {
        DicomDataset rs = StructureSet("1.2.3", Contour("POINT", [5, 5, 2], null), Contour("OPEN_PLANAR", Square(3, 25, 2), null));

        VoiReadResult read = RtStructReader.Read(rs, Grid, Pet);

        Assert.Equal(VoiFailureReason.NoVois, read.Reason);
        Assert.Contains("not CLOSED_PLANAR", read.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NotAStructureSet_FailsWithWrongObject()
    {
        var dataset = new DicomDataset();
        dataset.SetString(DicomTag.SOPClassUID, DicomVR.UI, DicomUid.SegmentationStorage);

        Assert.Equal(VoiFailureReason.WrongObject, RtStructReader.Read(dataset, Grid, Pet).Reason);
    }

    private static double[] Square(double from, double to, double z) => [from, from, z, to, from, z, to, to, z, from, to, z];

    private static DicomDataset Contour(string type, double[] points, string? image)
    {
        var contour = new DicomDataset();
        contour.SetString(DicomTag.ContourGeometricType, DicomVR.CS, type);
        contour.SetString(DicomTag.NumberOfContourPoints, DicomVR.IS, (points.Length / 3).ToString(CultureInfo.InvariantCulture));
        contour.SetString(DicomTag.ContourData, DicomVR.DS, string.Join('\\', points.Select(p => p.ToString(CultureInfo.InvariantCulture))));
        if (image is not null)
        {
            var reference = new DicomDataset();
            reference.SetString(DicomTag.ReferencedSOPClassUID, DicomVR.UI, DicomUid.PositronEmissionTomographyImageStorage);
            reference.SetString(DicomTag.ReferencedSOPInstanceUID, DicomVR.UI, image);
            contour.AddOrUpdate(new DicomSequence(DicomTag.ContourImageSequence, [reference]));
        }

        return contour;
    }

    private static DicomDataset StructureSet(string frameOfReference, params DicomDataset[] contours)
    {
        var rs = new DicomDataset();
        rs.SetString(DicomTag.SOPClassUID, DicomVR.UI, DicomUid.RTStructureSetStorage);
        var roi = new DicomDataset();
        roi.SetString(DicomTag.ROINumber, DicomVR.IS, "7");
        roi.SetString(DicomTag.ReferencedFrameOfReferenceUID, DicomVR.UI, frameOfReference);
        roi.SetString(DicomTag.ROIName, DicomVR.LO, "GTV");
        rs.AddOrUpdate(new DicomSequence(DicomTag.StructureSetROISequence, [roi]));
        var roiContour = new DicomDataset();
        roiContour.SetString(DicomTag.ReferencedROINumber, DicomVR.IS, "7");
        roiContour.AddOrUpdate(new DicomSequence(DicomTag.ContourSequence, contours));
        rs.AddOrUpdate(new DicomSequence(DicomTag.ROIContourSequence, [roiContour]));
        return rs;
    }
}
