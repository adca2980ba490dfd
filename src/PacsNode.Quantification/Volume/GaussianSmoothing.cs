namespace PacsNode.Quantification.Volume;

/// <summary>
/// Separable Gaussian smoothing of a volume in place (x, then y, then z), kernel truncated at 3σ and normalised, with
/// zero outside the volume (the field of view is surrounded by air, which holds no activity) or, with
/// <c>renormaliseAtEdges</c>, the kernel's weights inside the volume renormalised (no darkening at the field's ends,
/// where the patient continues beyond the scan).
/// </summary>
internal static class GaussianSmoothing
{
    /// <param name="volume">Voxels, index x + nx·(y + ny·z).</param>
    /// <param name="size">Voxels along x, y and z.</param>
    /// <param name="spacingMm">Voxel spacing along x, y and z, mm (a spacing of 0, a single slice, is not smoothed along it).</param>
    /// <param name="fwhmMm">The Gaussian's full width at half maximum, mm.</param>
    /// <param name="renormaliseAtEdges">Renormalise the kernel where it reaches past the volume instead of taking zero there.</param>
    public static void Apply(float[] volume, (int X, int Y, int Z) size, (double X, double Y, double Z) spacingMm, double fwhmMm, bool renormaliseAtEdges = false)
    {
        double sigmaMm = fwhmMm / (2 * Math.Sqrt(2 * Math.Log(2)));
        int nx = size.X, ny = size.Y, nz = size.Z;

        // Lines along x: start i·1 for each (j, k); along y: stride nx; along z: stride nx·ny.
        Lines(volume, ny * nz, nx, 1, line => (line % ny * nx) + (line / ny * nx * ny), Kernel(sigmaMm / spacingMm.X), renormaliseAtEdges);
        Lines(volume, nx * nz, ny, nx, line => (line % nx) + (line / nx * nx * ny), Kernel(sigmaMm / spacingMm.Y), renormaliseAtEdges);
        if (spacingMm.Z > 0)
        {
            Lines(volume, nx * ny, nz, nx * ny, line => line, Kernel(sigmaMm / spacingMm.Z), renormaliseAtEdges);
        }
    }

    private static void Lines(float[] volume, int lineCount, int length, int stride, Func<int, int> start, float[] kernel, bool renormalise)
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
                double sum = 0, weight = 0;
                int lo = Math.Max(0, n - half), hi = Math.Min(length - 1, n + half);
                for (int m = lo; m <= hi; m++)
                {
                    sum += buffer[m] * kernel[m - n + half];
                    weight += kernel[m - n + half];
                }

                volume[first + (n * stride)] = (float)(renormalise && weight > 0 ? sum / weight : sum);
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
