using PacsNode.Quantification.Kernels;
using PacsNode.Quantification.Volume;

namespace PacsNode.Quantification.Vois;

/// <summary>The kernel shape of a volume grid: x along columns (ColumnSpacing), y along rows, z along the normal.</summary>
public static class GridShape
{
    /// <summary>The shape; a single-slice volume without thickness gets a nominal 1 mm slice spacing.</summary>
    public static VolumeShape Of(VolumeGeometry geometry)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        return new VolumeShape(
            geometry.Columns, geometry.Rows, geometry.SliceCount, geometry.ColumnSpacing, geometry.RowSpacing,
            geometry.SliceSpacing > 0 ? geometry.SliceSpacing : 1);
    }
}
