using PacsNode.Quantification.Suv;
using PacsNode.Quantification.Volume;

namespace PacsNode.Quantification.Tests.Support;

/// <summary>Small in-memory SUVbw volumes on an axial grid (LPS identity orientation) with known voxel values.</summary>
internal static class SyntheticVolume
{
    public static VolumeGeometry Geometry(int columns, int rows, int slices, double spacing, PatientVector? origin = null) =>
        new(columns, rows, slices, spacing, spacing, spacing, origin ?? new PatientVector(0, 0, 0),
            new PatientVector(1, 0, 0), new PatientVector(0, 1, 0), [.. Enumerable.Range(0, slices)]);

    public static SuvVolume Create(int columns, int rows, int slices, double spacing, Func<int, int, int, float> value, PatientVector? origin = null)
    {
        VolumeGeometry geometry = Geometry(columns, rows, slices, spacing, origin);
        float[] voxels = new float[columns * rows * slices];
        for (int z = 0; z < slices; z++)
        {
            for (int y = 0; y < rows; y++)
            {
                for (int x = 0; x < columns; x++)
                {
                    voxels[x + (columns * (y + (rows * z)))] = value(x, y, z);
                }
            }
        }

        return new SuvVolume(geometry, voxels, SuvNormalisation.BodyWeight);
    }

    public static int Index(SuvVolume volume, int x, int y, int z) =>
        x + (volume.Geometry.Columns * (y + (volume.Geometry.Rows * z)));
}
