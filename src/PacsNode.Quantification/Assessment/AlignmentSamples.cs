using PacsNode.Quantification.Vois;
using PacsNode.Quantification.Volume;

namespace PacsNode.Quantification.Assessment;

/// <summary>
/// Sample points of the reference image on a regular voxel stride over the body mask's bounding box (grown by two
/// strides), held as positions relative to a centre c (mm, reference frame), so that under a rigid transform
/// q = c + R·d + t the moving grid's voxel coordinates of every sample are one 3×3 product and an offset.
/// </summary>
internal sealed class AlignmentSamples
{
    private readonly VolumeGeometry _moving;
    private readonly PatientVector _centre;
    private readonly double[] _x;
    private readonly double[] _y;
    private readonly double[] _z;
    private readonly float[] _values;

    public AlignmentSamples(VolumeGeometry reference, float[] referenceImage, BodyMask body, VolumeGeometry moving, int wanted, PatientVector centre)
    {
        _moving = moving;
        _centre = centre;
        (int x0, int x1, int y0, int y1, int z0, int z1) = Box(reference, body);
        long boxVoxels = (long)(x1 - x0 + 1) * (y1 - y0 + 1) * (z1 - z0 + 1);
        int stride = Math.Max(1, (int)Math.Ceiling(Math.Cbrt(boxVoxels / (double)Math.Max(1, wanted))));
        x0 = Math.Max(0, x0 - (2 * stride));
        y0 = Math.Max(0, y0 - (2 * stride));
        z0 = Math.Max(0, z0 - (2 * stride));
        x1 = Math.Min(reference.Columns - 1, x1 + (2 * stride));
        y1 = Math.Min(reference.Rows - 1, y1 + (2 * stride));
        z1 = Math.Min(reference.SliceCount - 1, z1 + (2 * stride));
        var xs = new List<double>();
        var ys = new List<double>();
        var zs = new List<double>();
        var values = new List<float>();
        for (int z = z0; z <= z1; z += stride)
        {
            for (int y = y0; y <= y1; y += stride)
            {
                for (int x = x0; x <= x1; x += stride)
                {
                    PatientVector d = reference.VoxelToPatient(x, y, z) - centre;
                    xs.Add(d.X);
                    ys.Add(d.Y);
                    zs.Add(d.Z);
                    values.Add(referenceImage[x + (reference.Columns * (y + (reference.Rows * z)))]);
                }
            }
        }

        _x = [.. xs];
        _y = [.. ys];
        _z = [.. zs];
        _values = [.. values];
    }

    public int Count => _values.Length;

    /// <summary>
    /// The NCC of the samples with the moving image at q = c + R·d + t, and the share of samples inside it; negative
    /// infinity when fewer than <paramref name="minimumOverlap"/> of them are inside or an image is flat there.
    /// </summary>
    public (double Score, double Overlap) Correlation(RotationMatrix rotation, PatientVector t, float[] moving, double minimumOverlap)
    {
        // Voxel coordinate along a grid axis u with spacing s: (q − origin)·u / s = (c + t − origin)·u / s + d·(Rᵀu) / s.
        (double ox, double oy, double oz) = _moving.PatientToVoxel(_centre + t);
        PatientVector ax = rotation.ApplyInverse(_moving.RowDirection) * (1 / _moving.ColumnSpacing);
        PatientVector ay = rotation.ApplyInverse(_moving.ColumnDirection) * (1 / _moving.RowSpacing);
        PatientVector az = _moving.SliceSpacing > 0 ? rotation.ApplyInverse(_moving.Normal) * (1 / _moving.SliceSpacing) : default;
        double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
        int n = 0;
        for (int i = 0; i < _values.Length; i++)
        {
            double px = _x[i], py = _y[i], pz = _z[i];
            double x = ox + (px * ax.X) + (py * ax.Y) + (pz * ax.Z);
            double y = oy + (px * ay.X) + (py * ay.Y) + (pz * ay.Z);
            double z = oz + (px * az.X) + (py * az.Y) + (pz * az.Z);
            if (!TryInterpolate(moving, x, y, z, out double b))
            {
                continue;
            }

            double a = _values[i];
            sa += a;
            sb += b;
            saa += a * a;
            sbb += b * b;
            sab += a * b;
            n++;
        }

        double overlap = _values.Length == 0 ? 0 : n / (double)_values.Length;
        if (n < 2 || overlap < minimumOverlap)
        {
            return (double.NegativeInfinity, overlap);
        }

        double va = saa - (sa * sa / n), vb = sbb - (sb * sb / n), cov = sab - (sa * sb / n);
        return va > 0 && vb > 0 ? (cov / Math.Sqrt(va * vb), overlap) : (double.NegativeInfinity, overlap);
    }

    private bool TryInterpolate(float[] image, double x, double y, double z, out double value)
    {
        value = 0;
        int nx = _moving.Columns, ny = _moving.Rows, nz = _moving.SliceCount;
        if (x < 0 || y < 0 || z < 0 || x > nx - 1 || y > ny - 1 || z > nz - 1)
        {
            return false;
        }

        int x0 = Math.Min((int)x, Math.Max(0, nx - 2)), y0 = Math.Min((int)y, Math.Max(0, ny - 2)), z0 = Math.Min((int)z, Math.Max(0, nz - 2));
        int x1 = Math.Min(x0 + 1, nx - 1), y1 = Math.Min(y0 + 1, ny - 1), z1 = Math.Min(z0 + 1, nz - 1);
        double fx = x - x0, fy = y - y0, fz = z - z0;
        double c00 = Lerp(image[Index(x0, y0, z0)], image[Index(x1, y0, z0)], fx);
        double c10 = Lerp(image[Index(x0, y1, z0)], image[Index(x1, y1, z0)], fx);
        double c01 = Lerp(image[Index(x0, y0, z1)], image[Index(x1, y0, z1)], fx);
        double c11 = Lerp(image[Index(x0, y1, z1)], image[Index(x1, y1, z1)], fx);
        value = Lerp(Lerp(c00, c10, fy), Lerp(c01, c11, fy), fz);
        return true;
    }

    private int Index(int x, int y, int z) => x + (_moving.Columns * (y + (_moving.Rows * z)));

    private static double Lerp(double a, double b, double f) => a + ((b - a) * f);

    private static (int X0, int X1, int Y0, int Y1, int Z0, int Z1) Box(VolumeGeometry g, BodyMask body)
    {
        int x0 = int.MaxValue, y0 = int.MaxValue, z0 = int.MaxValue, x1 = -1, y1 = -1, z1 = -1;
        int plane = g.Columns * g.Rows;
        for (int i = 0; i < body.Mask.Length; i++)
        {
            if (body.Mask[i] == 0)
            {
                continue;
            }

            int x = i % g.Columns, y = (i / g.Columns) % g.Rows, z = i / plane;
            x0 = Math.Min(x0, x);
            x1 = Math.Max(x1, x);
            y0 = Math.Min(y0, y);
            y1 = Math.Max(y1, y);
            z0 = Math.Min(z0, z);
            z1 = Math.Max(z1, z);
        }

        return x1 < 0 ? (0, g.Columns - 1, 0, g.Rows - 1, 0, g.SliceCount - 1) : (x0, x1, y0, y1, z0, z1);
    }
}
