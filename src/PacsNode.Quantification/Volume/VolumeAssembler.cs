using System.Globalization;
using PacsNode.Dicom.Data;

namespace PacsNode.Quantification.Volume;

/// <summary>
/// Single-frame slices to a volume grid (DOMAIN.md section 3): shared orientation, pixel spacing and matrix;
/// sorted along the normal (cross product of the ImageOrientationPatient vectors); evenly spaced within 1%.
/// Gaps, duplicates or mixed geometry are reasons, never silently fixed. Enhanced (multi-frame) PET datasets are
/// split into frames (<see cref="EnhancedPetFrames"/>) and the frames assembled like slices: then the indices in
/// <see cref="VolumeGeometry.SliceOrder"/> count frames (all frames of the first dataset, then the next). Other
/// multi-frame input is refused with <see cref="VolumeFailureReason.MultiFrameNotSupported"/>.
/// </summary>
public static class VolumeAssembler
{
    /// <summary>Allowed difference between direction cosines, and between spacings (relative).</summary>
    private const double DirectionTolerance = 1e-4;

    private const double SpacingTolerance = 1e-4;

    /// <summary>Allowed relative deviation of each gap from the first (DOMAIN.md: 1%).</summary>
    public const double EvenSpacingTolerance = 0.01;

    public static VolumeResult<VolumeGeometry> Assemble(IReadOnlyList<DicomDataset> slices)
    {
        ArgumentNullException.ThrowIfNull(slices);
        if (slices.Count == 0)
        {
            return Fail(VolumeFailureReason.NoSlices, "the series has no slices");
        }

        if (!EnhancedPetFrames.TryExpand(slices, out slices, out string? error))
        {
            return Fail(VolumeFailureReason.MultiFrameNotSupported, error!);
        }

        var planes = new SlicePlane[slices.Count];
        for (int i = 0; i < slices.Count; i++)
        {
            if (SlicePlane.Read(slices[i], i) is not { } plane)
            {
                return Fail(VolumeFailureReason.MissingGeometry, Invariant(
                    $"slice {i} lacks a valid ImageOrientationPatient (0020,0037), ImagePositionPatient (0020,0032), PixelSpacing (0028,0030), Rows or Columns"));
            }

            planes[i] = plane;
        }

        SlicePlane first = planes[0];
        foreach (SlicePlane p in planes)
        {
            if (p.Rows != first.Rows || p.Columns != first.Columns)
            {
                return Fail(VolumeFailureReason.MixedMatrix, Invariant(
                    $"slice {p.Index} is {p.Columns}×{p.Rows}, slice 0 is {first.Columns}×{first.Rows}"));
            }

            if (Math.Abs(p.RowSpacing - first.RowSpacing) > SpacingTolerance * first.RowSpacing ||
                Math.Abs(p.ColumnSpacing - first.ColumnSpacing) > SpacingTolerance * first.ColumnSpacing)
            {
                return Fail(VolumeFailureReason.MixedSpacing, Invariant(
                    $"slice {p.Index} has PixelSpacing {p.RowSpacing}\\{p.ColumnSpacing}, slice 0 {first.RowSpacing}\\{first.ColumnSpacing}"));
            }

            if ((p.RowDirection - first.RowDirection).Length > DirectionTolerance ||
                (p.ColumnDirection - first.ColumnDirection).Length > DirectionTolerance)
            {
                return Fail(VolumeFailureReason.MixedOrientation, Invariant(
                    $"slice {p.Index} has a different ImageOrientationPatient from slice 0"));
            }
        }

        PatientVector normal = first.RowDirection.Cross(first.ColumnDirection);
        SlicePlane[] sorted = [.. planes.OrderBy(p => p.Position.Dot(normal))];
        return CheckStacking(sorted, normal);
    }

    private static VolumeResult<VolumeGeometry> CheckStacking(SlicePlane[] sorted, PatientVector normal)
    {
        SlicePlane first = sorted[0];
        double inPlaneTolerance = 0.01 * Math.Min(first.RowSpacing, first.ColumnSpacing);
        double spacing = sorted.Length > 1
            ? (sorted[1].Position - first.Position).Dot(normal)
            : first.Thickness;
        for (int z = 1; z < sorted.Length; z++)
        {
            PatientVector step = sorted[z].Position - first.Position;
            if (Math.Abs(step.Dot(first.RowDirection)) > inPlaneTolerance || Math.Abs(step.Dot(first.ColumnDirection)) > inPlaneTolerance)
            {
                return Fail(VolumeFailureReason.MixedOrientation, Invariant(
                    $"slice {sorted[z].Index} is shifted in plane relative to slice {first.Index}: the slices are not stacked along the normal"));
            }

            double gap = (sorted[z].Position - sorted[z - 1].Position).Dot(normal);
            if (gap < 1e-3)
            {
                return Fail(VolumeFailureReason.DuplicatePosition, Invariant(
                    $"slices {sorted[z - 1].Index} and {sorted[z].Index} are at the same position along the normal ({sorted[z].Position.Dot(normal):0.###} mm)"));
            }

            if (Math.Abs(gap - spacing) > EvenSpacingTolerance * spacing)
            {
                return Fail(VolumeFailureReason.UnevenSpacing, Invariant(
                    $"the gap between slices {sorted[z - 1].Index} and {sorted[z].Index} is {gap:0.###} mm, the first gap {spacing:0.###} mm (more than 1% apart: a missing slice or an irregular series)"));
            }
        }

        if (sorted.Length > 1)
        {
            spacing = (sorted[^1].Position - first.Position).Dot(normal) / (sorted.Length - 1);
        }

        return VolumeResult<VolumeGeometry>.Success(new VolumeGeometry(
            first.Columns, first.Rows, sorted.Length, first.RowSpacing, first.ColumnSpacing, spacing, first.Position,
            first.RowDirection, first.ColumnDirection, [.. sorted.Select(p => p.Index)]));
    }

    private static VolumeResult<VolumeGeometry> Fail(VolumeFailureReason reason, string message) =>
        VolumeResult<VolumeGeometry>.Fail(reason, message);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
