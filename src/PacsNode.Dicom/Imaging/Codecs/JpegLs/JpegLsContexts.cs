namespace PacsNode.Dicom.Imaging.Codecs.JpegLs;

/// <summary>
/// The coding parameters and adaptive context state of one JPEG-LS scan (ITU-T T.87 annex A): thresholds, the
/// 365 regular contexts (A, B, C, N), the two run-interruption contexts and the run index. Shared by the
/// decoder and the encoder so that both adapt identically.
/// </summary>
internal sealed class JpegLsContexts
{
    public static readonly int[] J =
        [0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 9, 10, 11, 12, 13, 14, 15];

    private const int Reset = 64;
    private const int MinC = -128;
    private const int MaxC = 127;

    private readonly int[] _a = new int[367];
    private readonly int[] _b = new int[367];
    private readonly int[] _c = new int[367];
    private readonly int[] _n = new int[367];
    private readonly int[] _nn = new int[367];
    private readonly int _reset;

    public JpegLsContexts(int maxValue, int near, int t1, int t2, int t3, int reset)
    {
        MaxValue = maxValue;
        Near = near;
        Range = ((maxValue + (2 * near)) / ((2 * near) + 1)) + 1;
        Qbpp = Log2Ceiling(Range);
        int bpp = Math.Max(2, Log2Ceiling(maxValue + 1));
        Limit = 2 * (bpp + Math.Max(8, bpp));
        (T1, T2, T3) = t1 > 0 ? (t1, t2, t3) : DefaultThresholds(maxValue, near);
        _reset = reset > 0 ? reset : Reset;
        int initialA = Math.Max(2, (Range + 32) / 64);
        Array.Fill(_a, initialA);
        Array.Fill(_n, 1);
    }

    public int MaxValue { get; }

    public int Near { get; }

    public int Range { get; }

    public int Qbpp { get; }

    public int Limit { get; }

    public int T1 { get; }

    public int T2 { get; }

    public int T3 { get; }

    public int RunIndex { get; set; }

    public int Quantize(int d)
    {
        if (d <= -T3)
        {
            return -4;
        }

        if (d <= -T2)
        {
            return -3;
        }

        if (d <= -T1)
        {
            return -2;
        }

        if (d < -Near)
        {
            return -1;
        }

        if (d <= Near)
        {
            return 0;
        }

        return d < T1 ? 1 : d < T2 ? 2 : d < T3 ? 3 : 4;
    }

    public static int Predict(int ra, int rb, int rc)
    {
        if (rc >= Math.Max(ra, rb))
        {
            return Math.Min(ra, rb);
        }

        return rc <= Math.Min(ra, rb) ? Math.Max(ra, rb) : ra + rb - rc;
    }

    /// <summary>The Golomb parameter of a regular context (A.5.1).</summary>
    public int K(int q)
    {
        int k = 0;
        while ((_n[q] << k) < _a[q] && k < 24)
        {
            k++;
        }

        return k;
    }

    public int Correction(int q) => _c[q];

    /// <summary>True when the error mapping of A.5.2 is inverted for this context (lossless, k = 0, negative bias).</summary>
    public bool InvertedMapping(int q, int k) => Near == 0 && k == 0 && 2 * _b[q] <= -_n[q];

    /// <summary>Updates a regular context with a (quantised, sign-normalised) prediction error (A.6).</summary>
    public void Update(int q, int errval)
    {
        _b[q] += errval * ((2 * Near) + 1);
        _a[q] += Math.Abs(errval);
        if (_n[q] == _reset)
        {
            _a[q] >>= 1;
            _b[q] = _b[q] >= 0 ? _b[q] >> 1 : -((1 - _b[q]) >> 1);
            _n[q] >>= 1;
        }

        _n[q]++;
        if (_b[q] <= -_n[q])
        {
            _b[q] += _n[q];
            if (_c[q] > MinC)
            {
                _c[q]--;
            }

            if (_b[q] <= -_n[q])
            {
                _b[q] = -_n[q] + 1;
            }
        }
        else if (_b[q] > 0)
        {
            _b[q] -= _n[q];
            if (_c[q] < MaxC)
            {
                _c[q]++;
            }

            if (_b[q] > 0)
            {
                _b[q] = 0;
            }
        }
    }

    /// <summary>The Golomb parameter of a run-interruption context (A.7.2.1), riType 0 or 1.</summary>
    public int RunInterruptionK(int riType)
    {
        int q = 365 + riType;
        int temp = _a[q] + ((_n[q] >> 1) * riType);
        int k = 0;
        while ((_n[q] << k) < temp && k < 24)
        {
            k++;
        }

        return k;
    }

    /// <summary>The error value a run-interruption mapped value stands for (inverse of A.7.2.2).</summary>
    public int RunInterruptionError(int temp, int k, int riType)
    {
        int q = 365 + riType;
        bool map = (temp & 1) == 1;
        int magnitude = (temp + (map ? 1 : 0)) / 2;
        return (k != 0 || 2 * _nn[q] >= _n[q]) == map ? -magnitude : magnitude;
    }

    /// <summary>The map bit of A.7.2.2 that the encoder chooses for an error value.</summary>
    public bool RunInterruptionMap(int errval, int k, int riType)
    {
        int q = 365 + riType;
        return (k == 0 && errval > 0 && 2 * _nn[q] < _n[q]) || (errval < 0 && 2 * _nn[q] >= _n[q]) || (errval < 0 && k != 0);
    }

    public void UpdateRunInterruption(int riType, int errval, int mapped)
    {
        int q = 365 + riType;
        if (errval < 0)
        {
            _nn[q]++;
        }

        _a[q] += (mapped + 1 - riType) >> 1;
        if (_n[q] == _reset)
        {
            _a[q] >>= 1;
            _n[q] >>= 1;
            _nn[q] >>= 1;
        }

        _n[q]++;
    }

    /// <summary>Brings a reconstructed value back into 0..MAXVAL (A.4.5 modular reconstruction).</summary>
    public int Fix(int value)
    {
        int step = (2 * Near) + 1;
        if (value < -Near)
        {
            value += Range * step;
        }
        else if (value > MaxValue + Near)
        {
            value -= Range * step;
        }

        return Math.Clamp(value, 0, MaxValue);
    }

    /// <summary>Reduces an error into the modular range (A.4.5).</summary>
    public int Reduce(int errval)
    {
        if (errval < 0)
        {
            errval += Range;
        }

        if (errval >= (Range + 1) / 2)
        {
            errval -= Range;
        }

        return errval;
    }

    private static (int, int, int) DefaultThresholds(int maxValue, int near)
    {
        if (maxValue >= 128)
        {
            int factor = (Math.Min(maxValue, 4095) + 128) / 256;
            int t1 = Math.Clamp((factor * (3 - 2)) + 2 + (3 * near), near + 1, maxValue);
            int t2 = Math.Clamp((factor * (7 - 3)) + 3 + (5 * near), t1, maxValue);
            int t3 = Math.Clamp((factor * (21 - 4)) + 4 + (7 * near), t2, maxValue);
            return (t1, t2, t3);
        }

        int f = 256 / (maxValue + 1);
        int s1 = Math.Clamp(Math.Max(2, (3 / f) + (3 * near)), near + 1, maxValue);
        int s2 = Math.Clamp(Math.Max(3, (7 / f) + (5 * near)), s1, maxValue);
        int s3 = Math.Clamp(Math.Max(4, (21 / f) + (7 * near)), s2, maxValue);
        return (s1, s2, s3);
    }

    private static int Log2Ceiling(int value)
    {
        int bits = 0;
        while ((1 << bits) < value)
        {
            bits++;
        }

        return bits;
    }
}
