namespace PacsNode.Dicom.Imaging.Codecs.Jpeg2000;

/// <summary>
/// The reversible 5/3 inverse wavelet transform (T.800 F.3, Table F.2's 1D_FILTR_5-3R) with whole-sample symmetric
/// extension (F.3.7), on integers, run per level by <see cref="InverseDwt"/>: lossless codestreams decode exactly.
/// </summary>
internal readonly struct InverseDwt53 : IWaveletFilter<int>
{
    /// <summary>The component's samples at full resolution from its sub-bands.</summary>
    public static int[] Transform(TileComponent component) => InverseDwt.Transform<int, InverseDwt53>(component);

    /// <summary>Reversible coefficients are the sample with the half-step bit below it.</summary>
    public static int Dequantise(SubBand band, int coefficient) => coefficient / 2;

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
