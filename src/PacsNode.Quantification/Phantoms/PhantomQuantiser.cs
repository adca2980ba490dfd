namespace PacsNode.Quantification.Phantoms;

/// <summary>
/// Stores each PET slice as signed 16-bit integers with its own RescaleSlope (intercept 0), as scanners do: the slope
/// is the slice maximum / 32000 (leaving headroom), rounded to what its DS string says, so decoding with the written
/// slope gives exactly the values the truth is computed from. An all-zero slice gets slope 1.
/// </summary>
internal static class PhantomQuantiser
{
    public const double TargetMaximum = 32000;

    public static (short[] Stored, double[] Slopes) Quantise(float[] activity, PhantomGrid grid)
    {
        var stored = new short[activity.Length];
        var slopes = new double[grid.Slices];
        Parallel.For(0, grid.Slices, k =>
        {
            ReadOnlySpan<float> slice = activity.AsSpan(k * grid.PlaneSize, grid.PlaneSize);
            float max = 0;
            foreach (float v in slice)
            {
                max = Math.Max(max, v);
            }

            double slope = max > 0 ? DecimalString.RoundTrip(max / TargetMaximum) : 1;
            slopes[k] = slope;
            Span<short> target = stored.AsSpan(k * grid.PlaneSize, grid.PlaneSize);
            for (int n = 0; n < slice.Length; n++)
            {
                target[n] = (short)Math.Clamp(Math.Round(slice[n] / slope), short.MinValue, short.MaxValue);
            }
        });
        return (stored, slopes);
    }
}
