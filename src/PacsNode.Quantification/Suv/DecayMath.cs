namespace PacsNode.Quantification.Suv;

/// <summary>Radioactive decay arithmetic (IBSI-SUV manual; reference/domain-research.md 2.3).</summary>
public static class DecayMath
{
    /// <summary>The fraction of activity left after <paramref name="seconds"/>: 2^(−Δt/T½).</summary>
    public static double RemainingFraction(double seconds, double halfLifeSeconds) =>
        Math.Pow(2, -seconds / halfLifeSeconds);

    /// <summary>
    /// The average-count-rate time inside a frame of <paramref name="frameSeconds"/> starting at 0:
    /// t = (1/λ)·ln(λ·d / (1 − e^(−λ·d))), λ = ln 2 / T½. Slightly less than half the frame.
    /// </summary>
    public static double AverageCountRateTime(double frameSeconds, double halfLifeSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(frameSeconds);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(halfLifeSeconds);
        double lambda = Math.Log(2) / halfLifeSeconds;
        double x = lambda * frameSeconds;
        return Math.Log(x / (1 - Math.Exp(-x))) / lambda;
    }
}
