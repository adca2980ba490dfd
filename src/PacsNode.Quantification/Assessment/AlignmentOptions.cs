namespace PacsNode.Quantification.Assessment;

/// <summary>
/// Settings of the body-outline alignment (<see cref="BodyAligner"/>). The search is centred on the difference of the
/// two body masks' centroids and covers ±<see cref="SearchXyMm"/> across and ±<see cref="SearchZMm"/> along z.
/// </summary>
public sealed record AlignmentOptions
{
    public double SearchXyMm { get; init; } = 48;

    public double SearchZMm { get; init; } = 160;

    /// <summary>Step of the exhaustive coarse search, mm; refinement then halves it down to <see cref="FinalStepMm"/>.</summary>
    public double CoarseStepMm { get; init; } = 8;

    public double FinalStepMm { get; init; } = 0.5;

    /// <summary>Sample points of the reference image for the coarse search.</summary>
    public int CoarseSamples { get; init; } = 6000;

    /// <summary>Sample points for the refinement.</summary>
    public int FineSamples { get; init; } = 60000;

    /// <summary>A translation is considered only when at least this fraction of the samples falls in the other volume.</summary>
    public double MinimumOverlap { get; init; } = 0.3;

    /// <summary>The image is SUV / tissue level clamped to this, so lesions and bladder do not drive the fit.</summary>
    public double ClampTissueMultiple { get; init; } = 1.5;

    /// <summary>An alignment whose correlation is below this is reported with a warning (not trusted blindly).</summary>
    public double MinimumCorrelation { get; init; } = 0.5;
}
