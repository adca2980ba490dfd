namespace PacsNode.Dicom.Imaging.Codecs.Jpeg2000;

/// <summary>
/// The irreversible 9/7 inverse wavelet transform (T.800 F.3.8.2, Table F.4's lifting constants) with symmetric
/// extension, rows then columns per level, in single precision with OpenJPEG's constants, after dequantising each
/// sub-band with its step (E.1.1.2, reconstruction at the half step).
/// </summary>
internal static class InverseDwt97
{
    private const float Alpha = -1.586134342059924f;
    private const float Beta = -0.052980118572961f;
    private const float Gamma = 0.882911075530934f;
    private const float Delta = 0.443506852043971f;
    private const float K = 1.230174104914001f;

    /// <summary>
    /// 1/K as OpenJPEG applies it: its decoder scales high-pass samples by 2/K rounded to 13318/8192 (its "two_invK",
    /// kept for its conformance results), so this decoder uses the same 13318/16384 instead of 1/K = 0.8128931 to
    /// agree with OpenJPEG within ±1 on 16-bit data; the two differ by 3.3e-5 relative.
    /// </summary>
    private const float InverseK = 13318f / 16384f;

    public static float[] Transform(TileComponent component)
    {
        SubBand ll = component.Resolutions[0].Bands[0];
        float[] image = new float[ll.Coefficients.Length];
        float half = ll.Step * 0.5f;
        for (int i = 0; i < image.Length; i++)
        {
            image[i] = ll.Coefficients[i] * half;
        }

        for (int r = 1; r < component.Resolutions.Length; r++)
        {
            ResolutionLevel previous = component.Resolutions[r - 1];
            ResolutionLevel resolution = component.Resolutions[r];
            int width = resolution.X1 - resolution.X0;
            int height = resolution.Y1 - resolution.Y0;
            float[] next = new float[width * height];
            Interleave(image, previous, resolution, next, width, height);
            float[] line = new float[Math.Max(width, height)];
            if (width > 0)
            {
                for (int y = 0; y < height; y++)
                {
                    Lift(next.AsSpan(y * width, width), resolution.X0);
                }
            }

            for (int x = 0; x < width && height > 0; x++)
            {
                Span<float> column = line.AsSpan(0, height);
                for (int y = 0; y < height; y++)
                {
                    column[y] = next[(y * width) + x];
                }

                Lift(column, resolution.Y0);
                for (int y = 0; y < height; y++)
                {
                    next[(y * width) + x] = column[y];
                }
            }

            image = next;
        }

        return image;
    }

    private static void Interleave(float[] low, ResolutionLevel previous, ResolutionLevel resolution, float[] output, int width, int height)
    {
        int lowWidth = previous.X1 - previous.X0;
        for (int y = 0; y < height; y++)
        {
            int gy = resolution.Y0 + y;
            for (int x = 0; x < width; x++)
            {
                int gx = resolution.X0 + x;
                int kind = (gx & 1) | ((gy & 1) << 1);
                float value;
                if (kind == 0)
                {
                    value = low[(((gy >> 1) - previous.Y0) * lowWidth) + (gx >> 1) - previous.X0];
                }
                else
                {
                    SubBand band = resolution.Bands[kind - 1];
                    value = band.Coefficients[(((gy >> 1) - band.Y0) * band.Width) + (gx >> 1) - band.X0] * band.Step * 0.5f;
                }

                output[(y * width) + x] = value;
            }
        }
    }

    public static void Lift(Span<float> y, int start)
    {
        int n = y.Length;
        if (n == 1)
        {
            if ((start & 1) != 0)
            {
                y[0] *= 0.5f;
            }

            return;
        }

        int even = start & 1;
        int odd = 1 - even;
        for (int k = even; k < n; k += 2)
        {
            y[k] *= K;
        }

        for (int k = odd; k < n; k += 2)
        {
            y[k] *= InverseK;
        }

        Step(y, even, Delta);
        Step(y, odd, Gamma);
        Step(y, even, Beta);
        Step(y, odd, Alpha);
    }

    private static void Step(Span<float> y, int first, float factor)
    {
        for (int k = first; k < y.Length; k += 2)
        {
            y[k] -= factor * (At(y, k - 1) + At(y, k + 1));
        }
    }

    private static float At(Span<float> y, int k) => k < 0 ? y[-k] : k >= y.Length ? y[(2 * y.Length) - 2 - k] : y[k];
}
