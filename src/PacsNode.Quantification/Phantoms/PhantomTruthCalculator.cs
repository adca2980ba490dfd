namespace PacsNode.Quantification.Phantoms;

/// <summary>
/// The sphere and liver truth from the stored voxels, computed the plain way (loops over each sphere's bounding box),
/// independently of the kernels and of the lesion code it is meant to check.
/// </summary>
internal sealed class PhantomTruthCalculator
{
    /// <summary>The radius of a 1 cm³ sphere, mm (DOMAIN.md section 4).</summary>
    public const double PeakRadiusMm = 6.2035;

    private readonly PhantomGrid _grid;
    private readonly short[] _stored;
    private readonly double[] _scale;

    public PhantomTruthCalculator(PhantomGrid grid, short[] stored, double[] slopes, double suvFactor)
    {
        _grid = grid;
        _stored = stored;
        _scale = [.. slopes.Select(s => s * suvFactor)];
    }

    /// <summary>The decoded SUV of a voxel, as a reader computes it: stored × (slope × factor).</summary>
    public double Suv(int i, int j, int k) => _stored[Index(i, j, k)] * _scale[k];

    public PhantomSphereTruth Sphere(int number, PhantomSphere sphere)
    {
        int count = 0;
        double sum = 0, max = double.NegativeInfinity, peak = double.NegativeInfinity;
        PhantomVoxel maxVoxel = default, peakVoxel = default;
        (int[] di, int[] dj, int[] dk) = Offsets(PeakRadiusMm);
        foreach ((int i, int j, int k) in Box(sphere.X, sphere.Y, sphere.Z, sphere.RadiusMm))
        {
            if (!sphere.Contains(_grid.X(i), _grid.Y(j), _grid.Z(k)))
            {
                continue;
            }

            double v = Suv(i, j, k);
            count++;
            sum += v;
            if (v > max)
            {
                max = v;
                maxVoxel = new PhantomVoxel(i, j, k);
            }

            double mean = Mean(i, j, k, di, dj, dk).Mean;
            if (mean > peak)
            {
                peak = mean;
                peakVoxel = new PhantomVoxel(i, j, k);
            }
        }

        var centre = new PhantomVoxel(Nearest(sphere.X, _grid.OriginX, _grid.PixelSpacing, _grid.Columns),
            Nearest(sphere.Y, _grid.OriginY, _grid.PixelSpacing, _grid.Rows), Nearest(sphere.Z, _grid.OriginZ, _grid.SliceSpacing, _grid.Slices));
        return new PhantomSphereTruth(number, sphere, count, count * _grid.VoxelMillilitres,
            count > 0 ? max : double.NaN, maxVoxel, count > 0 ? sum / count : double.NaN, count > 0 ? peak : double.NaN, peakVoxel,
            centre, Suv(centre.X, centre.Y, centre.Z));
    }

    public PhantomLiverTruth Liver(PhantomSpec spec)
    {
        var anatomy = new PhantomAnatomy(spec);
        PhantomEllipsoid liver = spec.Liver;
        long count = 0, sphereCount = 0;
        double sum = 0, sphereSum = 0;
        double reach = Math.Max(liver.SemiAxisX, Math.Max(liver.SemiAxisY, liver.SemiAxisZ));
        foreach ((int i, int j, int k) in Box(liver.X, liver.Y, liver.Z, reach))
        {
            double x = _grid.X(i), y = _grid.Y(j), z = _grid.Z(k);
            if (anatomy.Classify(x, y, z).Region == PhantomRegion.Liver)
            {
                count++;
                sum += Suv(i, j, k);
            }

            double dx = x - liver.X, dy = y - liver.Y, dz = z - liver.Z;
            if ((dx * dx) + (dy * dy) + (dz * dz) <= 15.0 * 15.0)
            {
                sphereCount++;
                sphereSum += Suv(i, j, k);
            }
        }

        return new PhantomLiverTruth(liver, spec.LiverSuv, count, count > 0 ? sum / count : double.NaN,
            sphereCount, sphereCount > 0 ? sphereSum / sphereCount : double.NaN);
    }

    private (double Mean, int Count) Mean(int i, int j, int k, int[] di, int[] dj, int[] dk)
    {
        double sum = 0;
        int count = 0;
        for (int n = 0; n < di.Length; n++)
        {
            int x = i + di[n], y = j + dj[n], z = k + dk[n];
            if (x >= 0 && x < _grid.Columns && y >= 0 && y < _grid.Rows && z >= 0 && z < _grid.Slices)
            {
                sum += Suv(x, y, z);
                count++;
            }
        }

        return (sum / count, count);
    }

    /// <summary>The voxel offsets whose centres lie within <paramref name="radius"/> of a voxel's centre.</summary>
    private (int[] Di, int[] Dj, int[] Dk) Offsets(double radius)
    {
        List<int> di = [], dj = [], dk = [];
        int rx = (int)Math.Ceiling(radius / _grid.PixelSpacing), rz = (int)Math.Ceiling(radius / _grid.SliceSpacing);
        for (int k = -rz; k <= rz; k++)
        {
            for (int j = -rx; j <= rx; j++)
            {
                for (int i = -rx; i <= rx; i++)
                {
                    double x = i * _grid.PixelSpacing, y = j * _grid.PixelSpacing, z = k * _grid.SliceSpacing;
                    if ((x * x) + (y * y) + (z * z) <= radius * radius)
                    {
                        di.Add(i);
                        dj.Add(j);
                        dk.Add(k);
                    }
                }
            }
        }

        return ([.. di], [.. dj], [.. dk]);
    }

    /// <summary>The voxels of the volume inside the axis-aligned box around a point, in linear-index order.</summary>
    private IEnumerable<(int I, int J, int K)> Box(double x, double y, double z, double reach)
    {
        (int i0, int i1) = Span(x, reach, _grid.OriginX, _grid.PixelSpacing, _grid.Columns);
        (int j0, int j1) = Span(y, reach, _grid.OriginY, _grid.PixelSpacing, _grid.Rows);
        (int k0, int k1) = Span(z, reach, _grid.OriginZ, _grid.SliceSpacing, _grid.Slices);
        for (int k = k0; k <= k1; k++)
        {
            for (int j = j0; j <= j1; j++)
            {
                for (int i = i0; i <= i1; i++)
                {
                    yield return (i, j, k);
                }
            }
        }
    }

    private static (int First, int Last) Span(double centre, double reach, double origin, double spacing, int count) =>
        (Math.Max(0, (int)Math.Floor((centre - reach - origin) / spacing)), Math.Min(count - 1, (int)Math.Ceiling((centre + reach - origin) / spacing)));

    private static int Nearest(double position, double origin, double spacing, int count) =>
        Math.Clamp((int)Math.Round((position - origin) / spacing), 0, count - 1);

    private int Index(int i, int j, int k) => i + (_grid.Columns * (j + (_grid.Rows * k)));
}
