using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO;
using PacsNode.StructuredReport.Content;
using PacsNode.StructuredReport.Documents;
using PacsNode.StructuredReport.Segmentation;

namespace PacsNode.TestKit.Segmentation;

/// <summary>
/// A reader's binary SEG drawn on a stored PET series: one segment per <see cref="ReaderSphere"/>, holding the voxels
/// whose centres lie within the sphere (voxel centres from each slice's ImagePositionPatient and PixelSpacing, axial
/// slices), with the reader's Segment Label, Tracking ID and Tracking UID. Written by the node's own SEG writer.
/// </summary>
public static class ReaderSegmentation
{
    private static readonly DicomReaderOptions HeaderOnly = new() { StopAtTag = DicomTag.PixelData };

    public static async Task<DicomFile> DrawAsync(string petFolder, string name, IReadOnlyList<ReaderSphere> spheres, CancellationToken cancellationToken)
    {
        var headers = new List<DicomDataset>();
        foreach (string path in Directory.GetFiles(petFolder))
        {
            headers.Add((await DicomFile.OpenAsync(path, HeaderOnly, cancellationToken)).Dataset);
        }

        headers.Sort((a, b) => a.GetDoubles(DicomTag.ImagePositionPatient)![2].CompareTo(b.GetDoubles(DicomTag.ImagePositionPatient)![2]));
        var grid = SegmentationGeometry.FromSlices(headers);
        Assert.Equal([1.0, 0, 0, 0, 1, 0], grid.ImageOrientationPatient);
        var segments = new List<SegmentDefinition>();
        foreach (ReaderSphere sphere in spheres)
        {
            var voxels = new List<int>();
            for (int z = 0; z < grid.Slices.Count; z++)
            {
                for (int y = 0; y < grid.Rows; y++)
                {
                    for (int x = 0; x < grid.Columns; x++)
                    {
                        SourceSlice s = grid.Slices[z];
                        double dx = s.X + (x * grid.ColumnSpacing) - sphere.CentreMm.X;
                        double dy = s.Y + (y * grid.RowSpacing) - sphere.CentreMm.Y;
                        double dz = s.Z - sphere.CentreMm.Z;
                        if ((dx * dx) + (dy * dy) + (dz * dz) <= sphere.RadiusMm * sphere.RadiusMm)
                        {
                            voxels.Add(x + (grid.Columns * (y + (grid.Rows * z))));
                        }
                    }
                }
            }

            Assert.NotEmpty(voxels);
            segments.Add(new SegmentDefinition
            {
                Number = segments.Count + 1,
                Label = sphere.Label,
                Category = Concepts.MorphologicallyAlteredStructure,
                Type = Concepts.Mass,
                AlgorithmType = SegmentAlgorithmType.Manual,
                TrackingId = sphere.TrackingId,
                TrackingUid = sphere.TrackingUid,
                Voxels = voxels,
            });
        }

        return SegmentationWriter.Write(new SegmentationInput
        {
            Subject = ReportSubject.FromDataset(headers[0]),
            Document = new DocumentIdentity
            {
                SeriesInstanceUid = DerivedUid.Create("test-reader-seg-series", name),
                SopInstanceUid = DerivedUid.Create("test-reader-seg", name),
                SeriesNumber = 700,
                SeriesDescription = "reader VOIs " + name,
            },
            ContentDateTime = new DateTimeOffset(2025, 4, 1, 9, 0, 0, TimeSpan.Zero),
            Device = new ReportDevice
            {
                Manufacturer = "Reader workstation",
                ManufacturerModelName = "Test",
                SoftwareVersions = "1",
                DeviceSerialNumber = "1",
                ObserverUid = DerivedUid.Create("test-reader"),
                ObserverName = "READER^ONE",
            },
            ContentLabel = "READER",
            Geometry = grid,
            Segments = segments,
        });
    }
}
