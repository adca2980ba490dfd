using PacsNode.Quantification.Assessment;
using Xunit;

namespace PacsNode.Quantification.Tests.Assessment;

/// <summary>The defaults are DOMAIN.md section 5's values (and the documented choices where it leaves one).</summary>
public sealed class AssessmentOptionsTests
{
    [Fact]
    public void Defaults_AreDomainValues()
    {
        var o = new AssessmentOptions();

        Assert.Equal((1.2, 1.5, 3.0), (o.Her2Class2FromLbr, o.Her2Class3FromLbr, o.Her2Class4FromLbr));
        Assert.Equal(TumourLoadWeight.Mtv, o.PatternWeight);
        Assert.Equal(0.5, o.PatternDominantShare);
        Assert.Equal((0.15, 0.25), (o.EortcPmrDecrease, o.EortcPmdIncrease));
        Assert.Equal((0.30, 0.8), (o.PercistRelativeChange, o.PercistAbsoluteChange));
        Assert.Equal((0.20, 0.3, 15.0), (o.PercistLiverRelative, o.PercistLiverAbsolute, o.PercistUptakeMinutes));
        Assert.Equal(ResponseBasis.Percist, o.ResponseBasis);
        Assert.Equal(20, o.MatchToleranceMm);
        Assert.Equal(1.5, o.EortcCmrMaximumLbr);
        Assert.Equal((10.0, 7.0), (o.FollowUpMinimumDays, o.BaselineMaximumDaysAfterHer2));
        Assert.Null(o.BaselineStudyUid);
        Assert.Null(o.FollowUpStudyUid);
        AlignmentOptions a = o.Alignment;
        Assert.Equal((48.0, 160.0, 8.0, 0.5), (a.SearchXyMm, a.SearchZMm, a.CoarseStepMm, a.FinalStepMm));
        Assert.Equal((6000, 60000, 0.3, 1.5, 0.5), (a.CoarseSamples, a.FineSamples, a.MinimumOverlap, a.ClampTissueMultiple, a.MinimumCorrelation));
        Assert.Equal((8.0, true, 2.0, 0.125), (a.MaximumRotationDegrees, a.RotateAboutAllAxes, a.CoarseRotationStepDegrees, a.FinalRotationStepDegrees));
        Assert.Equal((6.0, 0.002), (a.RotationSmoothingFwhmMm, a.MinimumRotationGain));
    }
}
