namespace PacsNode.Dicom.Imaging.Codecs.Jpeg2000;

/// <summary>
/// The reversible 5/3 inverse wavelet transform (T.800 F.3, Table F.2's 1D_FILTR_5-3R) with whole-sample symmetric
/// extension (F.3.7), rows then columns per level (2D_SR), on integers: lossless codestreams decode exactly.
/// </summary>
internal static class InverseDwt53
{
    /// <summary>The component's samples at full resolution from its sub-bands (whose values carry the half-step bit).</summary>
    public static int[] Transform(TileComponent component)
    {
        ResolutionLevel lowest = component.Resolutions[0];
        int[] image = new int[lowest.Bands[0].Coefficients.Length];
        int[] ll = lowest.Bands[0].Coefficients;
        for (int i = 0; i < image.Length; i++)
        {
            image[i] = ll[i] / 2;
        }

        for (int r = 1; r < component.Resolutions.Length; r++)
        {
            ResolutionLevel previous = component.Resolutions[r - 1];
            ResolutionLevel resolution = component.Resolutions[r];
            int width = resolution.X1 - resolution.X0;
            int height = resolution.Y1 - resolution.Y0;
            int[] next = new int[width * height];
            Interleave(image, previous, resolution, next, width, height);
            int[] line = new int[Math.Max(width, height)];
            if (width > 0)
            {
                for (int y = 0; y < height; y++)
                {
                    Lift(next.AsSpan(y * width, width), resolution.X0);
                }
            }

            for (int x = 0; x < width && height > 0; x++)
            {
                Span<int> column = line.AsSpan(0, height);
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

    private static void Interleave(int[] low, ResolutionLevel previous, ResolutionLevel resolution, int[] output, int width, int height)
    {
        int lowWidth = previous.X1 - previous.X0;
        for (int y = 0; y < height; y++)
        {
            int gy = resolution.Y0 + y;
            for (int x = 0; x < width; x++)
            {
                int gx = resolution.X0 + x;
                int kind = (gx & 1) | ((gy & 1) << 1);
                int value;
                if (kind == 0)
                {
                    value = low[(((gy >> 1) - previous.Y0) * lowWidth) + (gx >> 1) - previous.X0];
                }
                else
                {
                    SubBand band = resolution.Bands[kind - 1];
                    value = band.Coefficients[(((gy >> 1) - band.Y0) * band.Width) + (gx >> 1) - band.X0] / 2;
                }

                output[(y * width) + x] = value;
            }
        }
    }

    /// <summary>1D_SR on one interleaved line whose first sample sits at coordinate <paramref name="start"/>.</summary>
    public static void Lift(Span<int> y, int start)
    {
        int n = y.Length;
        if (n == 1)
        {
            if ((start & 1) != 0)
            {
                y[0] /= 2;
            }

            return;
        }

        int even = start & 1;
        int odd = 1 - even;
        for (int k = even; k < n; k += 2)
        {
            y[k] -= (At(y, k - 1) + At(y, k + 1) + 2) >> 2;
        }

        for (int k = odd; k < n; k += 2)
        {
            y[k] += (At(y, k - 1) + At(y, k + 1)) >> 1;
        }
    }

    private static int At(Span<int> y, int k) => k < 0 ? y[-k] : k >= y.Length ? y[(2 * y.Length) - 2 - k] : y[k];
}
