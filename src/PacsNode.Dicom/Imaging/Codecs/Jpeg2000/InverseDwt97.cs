namespace PacsNode.Dicom.Imaging.Codecs.Jpeg2000;

/// <summary>
/// The irreversible 9/7 inverse wavelet transform (T.800 F.3.8.2, Table F.4's lifting constants) with symmetric
/// extension, run by <see cref="InverseDwt"/>, in single precision with OpenJPEG's constants, after dequantising each
/// sub-band with its step (E.1.1.2, reconstruction at the half step).
/// </summary>
internal readonly struct InverseDwt97 : IWaveletFilter<float>
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

    /// <summary>The component's samples at full resolution from its sub-bands.</summary>
    public static float[] Transform(TileComponent component) => InverseDwt.Transform<float, InverseDwt97>(component);

    /// <summary>Reconstruction at the half step (E.1.1.2): the coefficient times the sub-band's step, halved.</summary>
    public static float Dequantise(SubBand band, int coefficient) => coefficient * band.Step * 0.5f;

    /// <summary>1D_SR on one interleaved line whose first sample sits at coordinate <paramref name="start"/>.</summary>
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
