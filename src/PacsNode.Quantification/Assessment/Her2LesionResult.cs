namespace PacsNode.Quantification.Assessment;

/// <summary>
/// A baseline FDG lesion on the HER2-PET: its 89Zr SUVmax, SUVpeak and LBR in the carried-over VOI, the class the node
/// proposes from the LBR (<see cref="ProposedClass"/>), and the reader's class when one was given
/// (<see cref="ReaderClass"/>), which replaces the proposal: <see cref="Class"/> and <see cref="Positive"/> are the
/// class actually used. The proposed class is null when the VOI could not be measured (outside the 89Zr volume, or
/// no background), with <see cref="Reason"/>; a reader's class still applies then.
/// </summary>
public sealed record Her2LesionResult(int? ProposedClass, double? SuvMax, double? SuvPeak, double? Lbr, string? Reason)
{
    /// <summary>The reader's class (1–4), replacing <see cref="ProposedClass"/>; null when no reader classified the lesion.</summary>
    public int? ReaderClass { get; init; }

    /// <summary>Who gave <see cref="ReaderClass"/>.</summary>
    public string? ReaderObserver { get; init; }

    /// <summary>The SOP Instance UID of the reader's SR that gave <see cref="ReaderClass"/>.</summary>
    public string? ReaderSourceUid { get; init; }

    /// <summary>The class used: the reader's, else the node's proposal; null when there is neither.</summary>
    public int? Class => ReaderClass ?? ProposedClass;

    /// <summary>HER2-positive (class 3–4) by <see cref="Class"/>; null without a class.</summary>
    public bool? Positive => Class is { } c ? Her2Rules.IsPositive(c) : null;

    /// <summary>True while the class used is the node's proposal (no reader class).</summary>
    public bool Proposed => ReaderClass is null;
}
