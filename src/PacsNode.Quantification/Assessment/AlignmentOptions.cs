namespace PacsNode.Quantification.Assessment;

/// <summary>
/// Settings of the body-outline alignment (<see cref="BodyAligner"/>). The search is centred on the difference of the
/// two body masks' centroids and covers ±<see cref="SearchXyMm"/> across and ±<see cref="SearchZMm"/> along z; the
/// rotation refinement then covers ±<see cref="MaximumRotationDegrees"/> about each axis searched.
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

    /// <summary>Largest rotation searched about each axis, degrees; 0 = translation only.</summary>
    public double MaximumRotationDegrees { get; init; } = 8;

    /// <summary>
    /// Whether the rotation is searched about x and y as well as z (the long axis, about which a patient mostly rolls);
    /// false: about z only.
    /// </summary>
    public bool RotateAboutAllAxes { get; init; } = true;

    /// <summary>
    /// The rotation is fitted on both images smoothed by a Gaussian of this FWHM, mm (0: not smoothed). On sharp,
    /// voxelised images the interpolation makes transforms that land samples on grid points (no rotation) look
    /// better than they are, pulling the angle towards 0; smoothing to about PET resolution removes that.
    /// </summary>
    public double RotationSmoothingFwhmMm { get; init; } = 6;

    /// <summary>Step of the exhaustive coarse rotation grid, degrees; refinement halves it down to <see cref="FinalRotationStepDegrees"/>.</summary>
    public double CoarseRotationStepDegrees { get; init; } = 2;

    public double FinalRotationStepDegrees { get; init; } = 0.125;

    /// <summary>
    /// The rotation is kept only when it raises the correlation by at least this much over the best translation
    /// alone; otherwise the translation-only result stands (a few hundredths of a degree are noise, not rotation).
    /// </summary>
    public double MinimumRotationGain { get; init; } = 0.002;
}
