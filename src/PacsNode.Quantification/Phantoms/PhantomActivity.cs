using PacsNode.Quantification.Volume;

namespace PacsNode.Quantification.Phantoms;

/// <summary>
/// The PET activity concentration (Bq/ml at the scan start) on the PET grid: each voxel centre's SUV × decayed dose /
/// weight, then the optional Gaussian smoothing and the optional seeded Gaussian noise (SD = NoiseLevel × value,
/// clamped at 0 as reconstructions are non-negative), the noise after the smoothing or, with
/// <see cref="PhantomSpec.NoiseBeforeSmoothing"/>, before it. Noise uses one <see cref="Random"/> per slice seeded from the
/// spec's seed and the slice number, so the result does not depend on thread scheduling.
/// </summary>
internal static class PhantomActivity
{
    public static float[] Build(PhantomSpec spec, PhantomGrid grid, PhantomTiming timing)
    {
        var anatomy = new PhantomAnatomy(spec);
        double bqPerSuv = 1 / timing.SuvBwFactor;
        float[] volume = new float[(long)grid.PlaneSize * grid.Slices];
        Parallel.For(0, grid.Slices, k =>
        {
            double z = grid.Z(k);
            int offset = k * grid.PlaneSize;
            for (int j = 0; j < grid.Rows; j++)
            {
                double y = grid.Y(j);
                for (int i = 0; i < grid.Columns; i++)
                {
                    volume[offset + (j * grid.Columns) + i] = (float)(anatomy.Suv(grid.X(i), y, z) * bqPerSuv);
                }
            }
        });

        if (spec.NoiseBeforeSmoothing)
        {
            AddNoise(volume, spec, grid);
        }

        if (spec.SmoothingFwhmMm > 0)
        {
            GaussianSmoothing.Apply(volume, (grid.Columns, grid.Rows, grid.Slices), (grid.PixelSpacing, grid.PixelSpacing, grid.SliceSpacing), spec.SmoothingFwhmMm);
        }

        if (!spec.NoiseBeforeSmoothing)
        {
            AddNoise(volume, spec, grid);
        }

        return volume;
    }

    private static void AddNoise(float[] volume, PhantomSpec spec, PhantomGrid grid)
    {
        if (spec.NoiseLevel > 0)
        {
            Parallel.For(0, grid.Slices, k =>
            {
                var random = new Random(unchecked((spec.Seed * 1_000_003) + k));
                Span<float> slice = volume.AsSpan(k * grid.PlaneSize, grid.PlaneSize);
                for (int n = 0; n < slice.Length; n++)
                {
                    // Box–Muller: one standard normal deviate from two uniforms in (0, 1].
                    double u1 = 1 - random.NextDouble(), u2 = random.NextDouble();
                    double normal = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
                    slice[n] = (float)Math.Max(0, slice[n] * (1 + (spec.NoiseLevel * normal)));
                }
            });
        }
    }
}
