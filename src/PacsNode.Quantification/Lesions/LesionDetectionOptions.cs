namespace PacsNode.Quantification.Lesions;

/// <summary>Settings of automatic lesion detection; the defaults are DOMAIN.md section 4's.</summary>
public sealed record LesionDetectionOptions
{
    public VoiThresholdMethod Method { get; init; } = VoiThresholdMethod.Percent41;

    /// <summary>The SUVbw cut of <see cref="VoiThresholdMethod.FixedSuv"/>.</summary>
    public double FixedSuv { get; init; } = 2.5;

    /// <summary>The detection threshold without a liver reference (SUVbw).</summary>
    public double FallbackThresholdSuv { get; init; } = 2.5;

    /// <summary>Smaller VOIs are reported as rejected candidates.</summary>
    public double MinimumVolumeMl { get; init; } = 1;

    /// <summary>
    /// A VOI that grows beyond this is taken as merged with a larger structure (bladder, brain, heart) and reported as
    /// rejected; its growth stops there, so it is not measured.
    /// </summary>
    public double MaximumVolumeMl { get; init; } = 200;
}
