namespace PacsNode.Quantification.Suv;

/// <summary>
/// The SUV conversion of one series with its provenance: per slice,
/// SUVbw = (stored × slope + intercept) × <see cref="SuvSliceFactor.FactorBw"/>, and every other normaliser is
/// SUVbw × <see cref="NormaliserRatios"/>[n] (X / body weight, the same for all slices).
/// </summary>
public sealed class SuvFactors
{
    internal SuvFactors(
        string units,
        IReadOnlyList<SuvSliceFactor> slices,
        IReadOnlyDictionary<SuvNormalisation, double> normaliserRatios,
        SuvProvenance provenance)
    {
        Units = units;
        Slices = slices;
        NormaliserRatios = normaliserRatios;
        Provenance = provenance;
    }

    /// <summary>Units (0054,1001) of the series.</summary>
    public string Units { get; }

    /// <summary>One factor per slice, in the order the slices were given.</summary>
    public IReadOnlyList<SuvSliceFactor> Slices { get; }

    /// <summary>
    /// X / body weight for each normaliser that the header allows (1 for SUVbw; cm²/g for SUVbsa). A normaliser
    /// is absent when its inputs (height, weight) are missing; <see cref="SuvProvenance.Notes"/> says why.
    /// </summary>
    public IReadOnlyDictionary<SuvNormalisation, double> NormaliserRatios { get; }

    /// <summary>Which attributes, rules and fallbacks were used, and the warnings.</summary>
    public SuvProvenance Provenance { get; }

    /// <summary>The SUVbw factor when every slice has the same one (START, ADMIN and most units); else null.</summary>
    public double? SeriesFactorBw =>
        Slices.All(s => s.FactorBw == Slices[0].FactorBw) ? Slices[0].FactorBw : null;

    /// <summary>The factor that turns a rescaled value of slice <paramref name="slice"/> into SUV of kind <paramref name="normalisation"/>.</summary>
    public bool TryGetFactor(int slice, SuvNormalisation normalisation, out double factor)
    {
        factor = 0;
        if (slice < 0 || slice >= Slices.Count || !NormaliserRatios.TryGetValue(normalisation, out double ratio))
        {
            return false;
        }

        factor = Slices[slice].FactorBw * ratio;
        return true;
    }
}
