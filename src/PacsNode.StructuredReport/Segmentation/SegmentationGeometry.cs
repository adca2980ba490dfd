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
}
