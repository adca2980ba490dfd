namespace PacsNode.StructuredReport.Content;

/// <summary>
/// A coded concept (PS3.3 Code Sequence Macro, table 8.8-1): Code Value, Coding Scheme Designator, Code Meaning and an
/// optional Coding Scheme Version. Two codes are the same concept when value and scheme agree; the meaning is display
/// text (compare with <see cref="Is"/>).
/// </summary>
public sealed record Code(string Value, string Scheme, string Meaning, string? SchemeVersion = null)
{
    /// <summary>True when value and scheme designator agree (the meaning is not compared).</summary>
    public bool Is(Code other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return string.Equals(Value, other.Value, StringComparison.Ordinal) &&
               string.Equals(Scheme, other.Scheme, StringComparison.Ordinal);
    }

    public override string ToString() => $"({Value}, {Scheme}, \"{Meaning}\")";
}
