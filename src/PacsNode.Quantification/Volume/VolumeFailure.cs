namespace PacsNode.Quantification.Volume;

/// <summary>A reason and a message naming the slices or attribute at fault.</summary>
public sealed record VolumeFailure(VolumeFailureReason Reason, string Message)
{
    public override string ToString() => $"{Reason}: {Message}";
}
