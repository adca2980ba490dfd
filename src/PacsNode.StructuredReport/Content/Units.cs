namespace PacsNode.StructuredReport.Content;

/// <summary>
/// UCUM units (scheme "UCUM"). The SUV units are CID 85's current spelling (g/ml{SUVbw}); readers also meet the
/// pre-2016 spelling ({SUVbw}g/ml, dcmqi and Slicer still write it), see <see cref="IsSuvBw"/>.
/// </summary>
public static class Units
{
    public static Code SuvBw { get; } = new("g/ml{SUVbw}", "UCUM", "Standardized Uptake Value body weight");
    public static Code SuvLbmJanma { get; } = new("g/ml{SUVlbm(Janma)}", "UCUM", "Standardized Uptake Value lean body mass (Janma)");
    public static Code Milliliter { get; } = new("ml", "UCUM", "milliliter");
    public static Code Gram { get; } = new("g", "UCUM", "gram");
    public static Code NoUnits { get; } = new("1", "UCUM", "no units");
    public static Code Second { get; } = new("s", "UCUM", "second");
    public static Code Becquerel { get; } = new("Bq", "UCUM", "becquerel");

    /// <summary>True for SUVbw in either UCUM spelling.</summary>
    public static bool IsSuvBw(Code unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return unit.Value is "g/ml{SUVbw}" or "{SUVbw}g/ml";
    }
}
