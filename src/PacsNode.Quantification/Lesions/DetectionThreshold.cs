namespace PacsNode.Quantification.Lesions;

/// <summary>The detection threshold in SUVbw (and SUL when known), and where it came from.</summary>
public sealed record DetectionThreshold(double Suv, double? Sul, string Source)
{
    /// <summary>PERCIST: 1.5 × liver SULmean + 2 × SULsd, converted to SUVbw; SUVbw liver statistics without SUL; else the fallback.</summary>
    public static DetectionThreshold From(LiverReference? liver, double? sulRatio, double fallbackSuv)
    {
        if (liver is null)
        {
            return new DetectionThreshold(fallbackSuv, sulRatio * fallbackSuv, "fallback SUVbw (no liver reference)");
        }

        if (sulRatio is { } ratio && liver.SulMean is { } mean && liver.SulSd is { } sd)
        {
            double sul = (1.5 * mean) + (2 * sd);
            return new DetectionThreshold(sul / ratio, sul, "PERCIST 1.5 × liver SULmean + 2 × SD");
        }

        return new DetectionThreshold((1.5 * liver.SuvMean) + (2 * liver.SuvSd), null, "PERCIST formula on SUVbw (no SUL: height missing)");
    }
}
