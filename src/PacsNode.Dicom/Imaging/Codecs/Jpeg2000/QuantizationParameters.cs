namespace PacsNode.Dicom.Imaging.Codecs.Jpeg2000;

/// <summary>QCD and QCC (T.800 A.6.4, A.6.5): guard bits and each sub-band's exponent and mantissa.</summary>
internal sealed class QuantizationParameters
{
    private int[] _exponents = [];
    private int[] _mantissas = [];

    public int GuardBits { get; private init; }

    /// <summary>0 none (reversible), 1 scalar derived from the LL values, 2 scalar expounded.</summary>
    public int Style { get; private init; }

    /// <summary>Sub-band index as T.800 orders them: 0 the LL band, then HL, LH, HH of each resolution from lowest.</summary>
    public (int Exponent, int Mantissa) ForBand(int index, int levels, int decompositionLevel)
    {
        if (Style == 1)
        {
            int exponent = _exponents[0] - levels + decompositionLevel;
            return (exponent < 0 ? throw J2kError.Corrupt("a derived quantisation exponent is negative.") : exponent, _mantissas[0]);
        }

        return index < _exponents.Length
            ? (_exponents[index], _mantissas[index])
            : throw J2kError.Corrupt($"quantisation values for {_exponents.Length} sub-bands, sub-band {index} needed.");
    }

    public static QuantizationParameters Parse(ReadOnlySpan<byte> body)
    {
        if (body.Length < 2)
        {
            throw J2kError.Corrupt("a QCD/QCC segment is truncated.");
        }

        int style = body[0] & 0x1F;
        int guard = body[0] >> 5;
        ReadOnlySpan<byte> values = body[1..];
        int count = style switch
        {
            0 => values.Length,
            1 or 2 => values.Length / 2,
            _ => throw J2kError.Corrupt($"quantisation style {style}."),
        };
        if (count == 0)
        {
            throw J2kError.Corrupt("a QCD/QCC segment has no sub-band values.");
        }

        var exponents = new int[count];
        var mantissas = new int[count];
        for (int i = 0; i < count; i++)
        {
            if (style == 0)
            {
                exponents[i] = values[i] >> 3;
            }
            else
            {
                int value = (values[2 * i] << 8) | values[(2 * i) + 1];
                exponents[i] = value >> 11;
                mantissas[i] = value & 0x7FF;
            }
        }

        return new QuantizationParameters { GuardBits = guard, Style = style, _exponents = exponents, _mantissas = mantissas };
    }
}
