using PacsNode.Dicom.Dictionary;
using PacsNode.StructuredReport.Content;
using PacsNode.StructuredReport.Documents;
using PacsNode.StructuredReport.Segmentation;

namespace PacsNode.StructuredReport.Tests;

/// <summary>
/// A small PET grid (20 columns × 16 rows × 12 slices, 4 × 3.5 mm pixels, 3.27 mm slices, in ascending position
/// along the slice normal as the volume assembler orders them) and four segments: a lesion spanning nine slices, a single voxel, the liver block, and an empty one.
/// </summary>
internal static class SegmentationSamples
{
    public const int Columns = 20;
    public const int Rows = 16;
    public const int SliceCount = 12;
    public const double RowSpacing = 3.5;
    public const double ColumnSpacing = 4.0;
    public const double SliceSpacing = 3.27;
    public const string FrameOfReferenceUid = "2.25.1009";
    public const double OriginZ = -100.0;

    public static IReadOnlyList<SourceSlice> Slices { get; } =
        [.. Enumerable.Range(0, SliceCount).Select(z => new SourceSlice(-40.0, -28.0, OriginZ + (z * SliceSpacing), DicomUid.PositronEmissionTomographyImageStorage, $"2.25.4000{z:00}"))];

    public static SegmentationGeometry Geometry { get; } = new()
    {
        Rows = Rows,
        Columns = Columns,
        RowSpacing = RowSpacing,
        ColumnSpacing = ColumnSpacing,
        ImageOrientationPatient = [1, 0, 0, 0, 1, 0],
        SliceThickness = SliceSpacing,
        SpacingBetweenSlices = SliceSpacing,
        FrameOfReferenceUid = FrameOfReferenceUid,
        SourceSeriesInstanceUid = ReportSamples.PetSeriesUid,
        Slices = Slices,
    };

    public static int Index(int x, int y, int z) => x + (Columns * (y + (Rows * z)));

    /// <summary>A rough ellipsoid from slice 2 to slice 10 (nine slices).</summary>
    public static IReadOnlyList<int> SpanningLesion { get; } =
    [
        .. from z in Enumerable.Range(2, 9)
           from y in Enumerable.Range(0, Rows)
           from x in Enumerable.Range(0, Columns)
           let dz = (z - 6) / 4.5
           let dy = (y - 7) / 5.0
           let dx = (x - 9) / 6.0
           where (dx * dx) + (dy * dy) + (dz * dz) <= 1.0
           select Index(x, y, z),
    ];

    public static IReadOnlyList<int> SingleVoxel { get; } = [Index(19, 15, 11)];

    public static IReadOnlyList<int> LiverBlock { get; } =
    [
        .. from z in Enumerable.Range(0, 3) from y in Enumerable.Range(10, 4) from x in Enumerable.Range(0, 5) select Index(x, y, z),
    ];

    public static SegmentationInput Input(bool withEmpty = true) => new()
    {
        Subject = ReportSamples.Subject,
        Document = new DocumentIdentity { SeriesInstanceUid = ReportSamples.SegSeriesUid, SopInstanceUid = ReportSamples.SegInstanceUid, SeriesNumber = 902, SeriesDescription = "PacsNode VOIs" },
        ContentDateTime = new DateTimeOffset(2026, 3, 1, 10, 30, 15, TimeSpan.FromHours(1)),
        Device = ReportSamples.Device,
        ContentLabel = "PACSNODE_VOI",
        ContentDescription = "Lesion VOIs at 41% of SUVmax and the liver reference",
        Geometry = Geometry,
        Segments =
        [
            Lesion(1, "L1", SpanningLesion),
            Lesion(2, "L2", SingleVoxel),
            new SegmentDefinition
            {
                Number = 3,
                Label = "LIVER",
                Category = Concepts.AnatomicalStructure,
                Type = Concepts.Liver,
                AlgorithmType = SegmentAlgorithmType.Automatic,
                AlgorithmName = "PacsNode liver reference",
                TrackingId = "LIVER",
                TrackingUid = "2.25.5099",
                Voxels = LiverBlock,
            },
            .. withEmpty ? [Lesion(4, "L3", [])] : Array.Empty<SegmentDefinition>(),
        ],
    };

    private static SegmentDefinition Lesion(int number, string id, IReadOnlyList<int> voxels) => new()
    {
        Number = number,
        Label = id,
        Category = Concepts.MorphologicallyAlteredStructure,
        Type = Concepts.Mass,
        AlgorithmType = SegmentAlgorithmType.Automatic,
        AlgorithmName = "PacsNode 41% SUVmax threshold",
        AlgorithmVersion = "0.1.0",
        TrackingId = id,
        TrackingUid = $"2.25.500{number}",
        Voxels = voxels,
    };
}
