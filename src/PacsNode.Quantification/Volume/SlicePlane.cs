using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;

namespace PacsNode.Quantification.Volume;

/// <summary>The plane geometry of one single-frame slice, read from its header.</summary>
internal sealed record SlicePlane(
    int Index,
    int Rows,
    int Columns,
    double RowSpacing,
    double ColumnSpacing,
    double Thickness,
    PatientVector Position,
    PatientVector RowDirection,
    PatientVector ColumnDirection)
{
    public static SlicePlane? Read(DicomDataset slice, int index)
    {
        double[]? orientation = slice.GetDoubles(DicomTag.ImageOrientationPatient);
        double[]? position = slice.GetDoubles(DicomTag.ImagePositionPatient);
        double[]? spacing = slice.GetDoubles(DicomTag.PixelSpacing);
        if (orientation is not { Length: 6 } || position is not { Length: 3 } || spacing is not { Length: 2 } ||
            !slice.TryGetInt32(DicomTag.Rows, out int rows) || !slice.TryGetInt32(DicomTag.Columns, out int columns) ||
            rows <= 0 || columns <= 0 || !(spacing[0] > 0) || !(spacing[1] > 0))
        {
            return null;
        }

        var row = new PatientVector(orientation[0], orientation[1], orientation[2]);
        var column = new PatientVector(orientation[3], orientation[4], orientation[5]);
        if (Math.Abs(row.Length - 1) > 1e-3 || Math.Abs(column.Length - 1) > 1e-3 || Math.Abs(row.Dot(column)) > 1e-3)
        {
            return null;
        }

        double thickness = slice.TryGetDouble(DicomTag.SliceThickness, out double t) && t > 0 ? t : 0;
        return new SlicePlane(
            index, rows, columns, spacing[0], spacing[1], thickness,
            new PatientVector(position[0], position[1], position[2]), row * (1 / row.Length), column * (1 / column.Length));
    }
}
