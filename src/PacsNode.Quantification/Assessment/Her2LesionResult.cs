namespace PacsNode.Quantification.Assessment;

/// <summary>
/// A baseline FDG lesion on the HER2-PET: its 89Zr SUVmax, SUVpeak and LBR in the carried-over VOI, and the proposed
/// class (always a proposal: <see cref="Proposed"/>; a reader's class replaces it). Class and status are null when the
/// VOI could not be measured (outside the 89Zr volume, or no background), with <see cref="Reason"/>.
/// </summary>
public sealed record Her2LesionResult(int? ProposedClass, bool? Positive, double? SuvMax, double? SuvPeak, double? Lbr, string? Reason)
{
    /// <summary>True for the node's proposal; a reader's class replaces it.</summary>
    public bool Proposed { get; init; } = true;
}
