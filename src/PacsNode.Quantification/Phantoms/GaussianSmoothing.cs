namespace PacsNode.Quantification.Phantoms;

/// <summary>
/// Separable Gaussian smoothing of a volume in place (x, then y, then z), kernel truncated at 3σ and normalised, with
/// zero outside the volume (the field of view is surrounded by air, which holds no activity).
/// </summary>
internal static class GaussianSmoothing
{
    public static void Apply(float[] volume, PhantomGrid grid, double fwhmMm)
    {
        double sigmaMm = fwhmMm / (2 * Math.Sqrt(2 * Math.Log(2)));
        float[] kx = Kernel(sigmaMm / grid.PixelSpacing);
        float[] kz = Kernel(sigmaMm / grid.SliceSpacing);
        int nx = grid.Columns, ny = grid.Rows, nz = grid.Slices;

        // Lines along x: start i·1 for each (j, k); along y: stride nx; along z: stride nx·ny.
        Lines(volume, ny * nz, nx, 1, line => (line % ny * nx) + (line / ny * nx * ny), kx);
        Lines(volume, nx * nz, ny, nx, line => (line % nx) + (line / nx * nx * ny), kx);
        Lines(volume, nx * ny, nz, nx * ny, line => line, kz);
    }

    private static void Lines(float[] volume, int lineCount, int length, int stride, Func<int, int> start, float[] kernel)
    {
        int half = kernel.Length / 2;
        Parallel.For(0, lineCount, () => new float[length], (line, _, buffer) =>
        {
            int first = start(line);
            for (int n = 0; n < length; n++)
            {
                buffer[n] = volume[first + (n * stride)];
            }

            for (int n = 0; n < length; n++)
            {
                double sum = 0;
                int lo = Math.Max(0, n - half), hi = Math.Min(length - 1, n + half);
                for (int m = lo; m <= hi; m++)
                {
                    sum += buffer[m] * kernel[m - n + half];
                }

                volume[first + (n * stride)] = (float)sum;
            }

            return buffer;
        }, _ => { });
    }

    private static float[] Kernel(double sigmaVoxels)
    {
        int half = Math.Max(1, (int)Math.Ceiling(3 * sigmaVoxels));
        var kernel = new float[(2 * half) + 1];
        double total = 0;
        for (int n = -half; n <= half; n++)
        {
            double w = Math.Exp(-(n * n) / (2 * sigmaVoxels * sigmaVoxels));
            kernel[n + half] = (float)w;
            total += w;
        }

        for (int n = 0; n < kernel.Length; n++)
        {
            kernel[n] = (float)(kernel[n] / total);
        }

        return kernel;
    }
}
