namespace PacsNode.Dicom.Imaging.Codecs.Jpeg2000;

/// <summary>
/// The 2D inverse wavelet transform of a tile-component (T.800 F.3.2, 2D_SR): per resolution level, the lower
/// level's image and the level's HL, LH and HH sub-bands interleaved (2D_INTERLEAVE), then every row and every column
/// lifted with the filter's 1D_SR. The filter (<see cref="InverseDwt53"/>, <see cref="InverseDwt97"/>) supplies the
/// sample type, the dequantisation and the lifting.
/// </summary>
internal static class InverseDwt
{
    /// <summary>The component's samples at full resolution from its sub-bands.</summary>
    public static T[] Transform<T, TFilter>(TileComponent component)
        where T : struct
        where TFilter : IWaveletFilter<T>
    {
        SubBand ll = component.Resolutions[0].Bands[0];
        var image = new T[ll.Coefficients.Length];
        for (int i = 0; i < image.Length; i++)
        {
            image[i] = TFilter.Dequantise(ll, ll.Coefficients[i]);
        }

        for (int r = 1; r < component.Resolutions.Length; r++)
        {
            ResolutionLevel previous = component.Resolutions[r - 1];
            ResolutionLevel resolution = component.Resolutions[r];
            int width = resolution.X1 - resolution.X0;
            int height = resolution.Y1 - resolution.Y0;
            var next = new T[width * height];
            Interleave<T, TFilter>(image, previous, resolution, next, width, height);
            if (width > 0)
            {
                for (int y = 0; y < height; y++)
                {
                    TFilter.Lift(next.AsSpan(y * width, width), resolution.X0);
                }
            }

            var line = new T[Math.Max(width, height)];
            for (int x = 0; x < width && height > 0; x++)
            {
                Span<T> column = line.AsSpan(0, height);
                for (int y = 0; y < height; y++)
                {
                    column[y] = next[(y * width) + x];
                }

                TFilter.Lift(column, resolution.Y0);
                for (int y = 0; y < height; y++)
                {
                    next[(y * width) + x] = column[y];
                }
            }

            image = next;
        }

        return image;
    }

    private static void Interleave<T, TFilter>(T[] low, ResolutionLevel previous, ResolutionLevel resolution, T[] output, int width, int height)
        where T : struct
        where TFilter : IWaveletFilter<T>
    {
        int lowWidth = previous.X1 - previous.X0;
        for (int y = 0; y < height; y++)
        {
            int gy = resolution.Y0 + y;
            for (int x = 0; x < width; x++)
            {
                int gx = resolution.X0 + x;
                int kind = (gx & 1) | ((gy & 1) << 1);
                T value;
                if (kind == 0)
                {
                    value = low[(((gy >> 1) - previous.Y0) * lowWidth) + (gx >> 1) - previous.X0];
                }
                else
                {
                    SubBand band = resolution.Bands[kind - 1];
                    value = TFilter.Dequantise(band, band.Coefficients[(((gy >> 1) - band.Y0) * band.Width) + (gx >> 1) - band.X0]);
                }

                output[(y * width) + x] = value;
            }
        }
    }
}
