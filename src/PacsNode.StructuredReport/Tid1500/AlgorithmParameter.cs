namespace PacsNode.StructuredReport.Tid1500;

/// <summary>One algorithm setting (threshold method, SUVpeak sphere, accelerator …), written as the text "Name=Value".</summary>
public sealed record AlgorithmParameter(string Name, string Value)
{
    public override string ToString() => $"{Name}={Value}";
}
