using PacsNode.Quantification.Volume;

namespace PacsNode.Quantification.Tests.Support;

/// <summary>
/// A cartoon torso, 96×96×80 voxels of 4 mm, axial LPS (x index → patient left, z index → superior), origin
/// (−190, −190, −160) mm. Soft tissue 1 in an elliptic cylinder (centre (48, 48), semi-axes 40 × 28 voxels); lungs
/// 0.3 (z 45–75); liver 2 + 0.004·(x − 30) on the right (centre (30, 48, 35), semi-axes 14, 16, 10); a homogeneous
/// spleen 2 on the left and a homogeneous heart 2.8 above the lung base, both traps for the liver search; a bladder
/// of 20 (radius 10); lesion A of 8 (radius 3, 123 voxels, 7.87 ml) at (60, 30, 20); lesion B of 10 (radius 1,
/// 7 voxels, 0.448 ml) at (40, 60, 15); a one-voxel spike of 5 at (56, 64, 10).
/// </summary>
internal static class SyntheticTorso
{
    public static SuvVolume Create() =>
        SyntheticVolume.Create(96, 96, 80, 4, Value, new PatientVector(-190, -190, -160));

    public static bool InLiver(double x, double y, double z) => Ellipsoid(x, y, z, (30, 48, 35), (14, 16, 10));

    private static float Value(int x, int y, int z)
    {
        if (!Ellipse(x, y))
        {
            return 0f;
        }

        if (Ball(x, y, z, (48, 48, 10), 10))
        {
            return 20f;
        }

        if (Ball(x, y, z, (60, 30, 20), 3))
        {
            return 8f;
        }

        if (Ball(x, y, z, (40, 60, 15), 1))
        {
            return 10f;
        }

        if ((x, y, z) == (56, 64, 10))
        {
            return 5f;
        }

        if (InLiver(x, y, z))
        {
            return 2f + (0.004f * (x - 30));
        }

        if (Ellipsoid(x, y, z, (66, 48, 35), (8, 8, 8)))
        {
            return 2f;
        }

        if (Ellipsoid(x, y, z, (52, 40, 58), (10, 10, 8)))
        {
            return 2.8f;
        }

        if (Ellipsoid(x, y, z, (30, 48, 60), (12, 14, 15)) || Ellipsoid(x, y, z, (70, 48, 60), (12, 14, 15)))
        {
            return 0.3f;
        }

        return 1f;
    }

    private static bool Ellipse(int x, int y) => Sq((x - 48) / 40.0) + Sq((y - 48) / 28.0) <= 1;

    private static bool Ball(int x, int y, int z, (int X, int Y, int Z) c, int r) =>
        Sq(x - c.X) + Sq(y - c.Y) + Sq(z - c.Z) <= r * r;

    private static bool Ellipsoid(double x, double y, double z, (double X, double Y, double Z) c, (double X, double Y, double Z) a) =>
        Sq((x - c.X) / a.X) + Sq((y - c.Y) / a.Y) + Sq((z - c.Z) / a.Z) <= 1;

    private static double Sq(double v) => v * v;
}
