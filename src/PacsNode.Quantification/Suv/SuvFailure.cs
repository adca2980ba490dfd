namespace PacsNode.Quantification.Suv;

/// <summary>A reason and a message that names the missing or contradictory attribute.</summary>
public sealed record SuvFailure(SuvFailureReason Reason, string Message)
{
    public override string ToString() => $"{Reason}: {Message}";
}
