namespace PacsNode.Quantification.Lesions;

/// <summary>
/// Why a series was not quantified: the stage ("suv", "volume", "voi"), the reason enum's name from that stage
/// (<c>SuvFailureReason</c>, <c>VolumeFailureReason</c>, <c>VoiFailureReason</c>), and the message naming the attribute.
/// </summary>
public sealed record QuantifyFailure(string Stage, string Reason, string Message)
{
    public override string ToString() => $"{Stage} {Reason}: {Message}";
}
