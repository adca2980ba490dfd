using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;

namespace PacsNode.StructuredReport.Segmentation;

/// <summary>
/// The PET grid a segmentation is drawn on: matrix, spacing, orientation, and the slices in the order that defines
/// the voxel index z (each with its ImagePositionPatient and the SOP Class/Instance UID of the PET image).
/// </summary>
public sealed record SegmentationGeometry
{
    public required int Rows { get; init; }

    public required int Columns { get; init; }

    /// <summary>PixelSpacing as in the PET header: row spacing (between rows, mm), then column spacing.</summary>
    public required double RowSpacing { get; init; }

    public required double ColumnSpacing { get; init; }

    /// <summary>ImageOrientationPatient: row direction cosines then column direction cosines (6 values).</summary>
    public required IReadOnlyList<double> ImageOrientationPatient { get; init; }

    public required double SliceThickness { get; init; }

    /// <summary>Distance between slice centres along the normal, mm (SpacingBetweenSlices of the SEG).</summary>
    public required double SpacingBetweenSlices { get; init; }

    public required string FrameOfReferenceUid { get; init; }

    /// <summary>The PET series the segmentation was drawn on (Referenced Series Sequence).</summary>
    public required string SourceSeriesInstanceUid { get; init; }

    /// <summary>The PET slices, index z = position in this list.</summary>
    public required IReadOnlyList<SourceSlice> Slices { get; init; }

    /// <summary>
    /// The grid of single-frame PET slice headers given in volume order (z = list index, the order the volume was
    /// assembled in): matrix, PixelSpacing and orientation of the first, each slice's ImagePositionPatient and SOP
    /// UIDs, and the spacing between the first two positions (SliceThickness for a single slice).
    /// </summary>
    public static SegmentationGeometry FromSlices(IReadOnlyList<DicomDataset> slices)
    {
        ArgumentNullException.ThrowIfNull(slices);
        if (slices.Count == 0)
        {
            throw new ArgumentException("Give at least one slice.", nameof(slices));
        }

        DicomDataset first = slices[0];
        double[] spacing = Doubles(first, DicomTag.PixelSpacing, 2);
        double[] orientation = Doubles(first, DicomTag.ImageOrientationPatient, 6);
        var sources = new List<SourceSlice>(slices.Count);
        foreach (DicomDataset slice in slices)
        {
            double[] p = Doubles(slice, DicomTag.ImagePositionPatient, 3);
            sources.Add(new SourceSlice(p[0], p[1], p[2], Text(slice, DicomTag.SOPClassUID), Text(slice, DicomTag.SOPInstanceUID)));
        }

        double thickness = first.TryGetDouble(DicomTag.SliceThickness, out double t) ? t : 0;
        double between = sources.Count > 1
            ? Math.Sqrt(Math.Pow(sources[1].X - sources[0].X, 2) + Math.Pow(sources[1].Y - sources[0].Y, 2) + Math.Pow(sources[1].Z - sources[0].Z, 2))
            : thickness;
        return new SegmentationGeometry
        {
            Rows = first.TryGetInt32(DicomTag.Rows, out int rows) ? rows : throw Missing(DicomTag.Rows),
            Columns = first.TryGetInt32(DicomTag.Columns, out int columns) ? columns : throw Missing(DicomTag.Columns),
            RowSpacing = spacing[0],
            ColumnSpacing = spacing[1],
            ImageOrientationPatient = orientation,
            SliceThickness = thickness > 0 ? thickness : between,
            SpacingBetweenSlices = between,
            FrameOfReferenceUid = Text(first, DicomTag.FrameOfReferenceUID),
            SourceSeriesInstanceUid = Text(first, DicomTag.SeriesInstanceUID),
            Slices = sources,
        };
    }

    private static double[] Doubles(DicomDataset dataset, DicomTag tag, int count) =>
        dataset.GetDoubles(tag) is { } values && values.Length == count ? values : throw Missing(tag);

    private static string Text(DicomDataset dataset, DicomTag tag) =>
        dataset.GetString(tag) is { Length: > 0 } text ? text : throw Missing(tag);

    private static ArgumentException Missing(DicomTag tag) =>
        new($"A PET slice lacks {DicomDictionary.Lookup(tag)?.Keyword ?? tag.ToString()} (or it has the wrong number of values).");
}
