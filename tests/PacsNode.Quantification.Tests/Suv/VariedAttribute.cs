namespace PacsNode.Quantification.Tests.Suv;

/// <summary>Series-level attributes varied by <see cref="AttributeRuleTests"/>.</summary>
public enum VariedAttribute
{
    Weight,
    Units,
    Dose,
    Decay,
}
