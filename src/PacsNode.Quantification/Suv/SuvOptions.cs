namespace PacsNode.Quantification.Suv;

/// <summary>Site knowledge the header lacks.</summary>
public sealed record SuvOptions
{
    public static SuvOptions Default { get; } = new();

    /// <summary>
    /// The injection date, for series whose header holds only RadiopharmaceuticalStartTime. Needed for long-lived
    /// tracers (T½ &gt; 12 h), where the date cannot be inferred; when set it is used for every tracer.
    /// </summary>
    public DateOnly? InjectionDate { get; init; }
}
