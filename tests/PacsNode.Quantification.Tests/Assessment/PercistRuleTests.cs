using PacsNode.Quantification.Assessment;
using Xunit;

namespace PacsNode.Quantification.Tests.Assessment;

/// <summary>
/// PERCIST 1.0 on the hottest SULpeak: PMR ≥ 30% and ≥ 0.8 SUL decrease; PMD &gt; 30% and &gt; 0.8 increase or a new
/// lesion; CMR below the liver mean; else SMD. Cases chosen so each condition alone decides.
/// </summary>
public sealed class PercistRuleTests
{
    private static readonly AssessmentOptions Defaults = new();

    [Theory]
    [InlineData(4.0, 2.8, ResponseCategory.Pmr)] // −30.0%, −1.2 SUL
    [InlineData(4.0, 2.81, ResponseCategory.Smd)] // −29.75%: relative fails
    [InlineData(2.0, 1.2, ResponseCategory.Pmr)] // −40%, −0.8 SUL exactly
    [InlineData(2.0, 1.21, ResponseCategory.Smd)] // −39.5%, −0.79 SUL: absolute fails
    [InlineData(4.0, 5.21, ResponseCategory.Pmd)] // +30.25%, +1.21
    [InlineData(4.0, 5.2, ResponseCategory.Smd)] // +30.0% exactly: PMD needs more than 30%
    [InlineData(2.0, 2.81, ResponseCategory.Pmd)] // +40.5%, +0.81
    [InlineData(2.0, 2.8, ResponseCategory.Smd)] // +40%, +0.8 exactly: PMD needs more than 0.8
    [InlineData(10.0, 10.0, ResponseCategory.Smd)]
    public void Classify_Changes_CategoryAtAndAroundEachBoundary(double baseline, double followUp, ResponseCategory expected) =>
        Assert.Equal(expected, PercistRule.Classify(baseline, followUp, 1.0, newLesion: false, Defaults));

    [Fact]
    public void Classify_NewLesion_PmdEvenWhenHottestFalls() =>
        Assert.Equal(ResponseCategory.Pmd, PercistRule.Classify(6, 2, 1.0, newLesion: true, Defaults));

    [Theory]
    [InlineData(1.09, ResponseCategory.Cmr)]
    [InlineData(1.1, ResponseCategory.Pmr)] // not below the liver: 4 → 1.1 is a PMR
    public void Classify_HottestAgainstLiverMean_CmrOnlyBelow(double hottest, ResponseCategory expected) =>
        Assert.Equal(expected, PercistRule.Classify(4, hottest, 1.1, newLesion: false, Defaults));

    [Fact]
    public void Classify_NoLesionLeft_Cmr() =>
        Assert.Equal(ResponseCategory.Cmr, PercistRule.Classify(4, null, 1.1, newLesion: false, Defaults));

    [Fact]
    public void Classify_NoLiverReference_NoCmrWhileALesionIsLeft() =>
        Assert.Equal(ResponseCategory.Pmr, PercistRule.Classify(4, 0.5, null, newLesion: false, Defaults));

    [Fact]
    public void Classify_ConfiguredThresholds_Used()
    {
        var options = new AssessmentOptions { PercistRelativeChange = 0.2, PercistAbsoluteChange = 0.5 };

        Assert.Equal(ResponseCategory.Pmr, PercistRule.Classify(4, 3.2, 1, false, options)); // −20%, −0.8
        Assert.Equal(ResponseCategory.Smd, PercistRule.Classify(4, 3.2, 1, false, Defaults));
    }

    [Theory]
    [InlineData(1.5, 1.8, true)] // +0.3 SUL = +20%
    [InlineData(1.5, 1.81, false)] // +20.7%
    [InlineData(1.5, 1.2, true)] // −0.3 = −20%
    [InlineData(2.0, 2.35, false)] // +17.5% but 0.35 SUL
    [InlineData(2.0, 2.3, true)] // +15%, 0.3 SUL
    [InlineData(2.0, 2.305, false)] // +15.25% but 0.305 SUL
    [InlineData(1.0, 1.21, false)] // 0.21 SUL but 21%
    public void LiverComparable_TwentyPercentAndPointThree(double baseline, double followUp, bool comparable) =>
        Assert.Equal(comparable, PercistRule.LiverComparable(baseline, followUp, Defaults));

    [Theory]
    [InlineData(60, 75, true)]
    [InlineData(60, 45, true)]
    [InlineData(60, 75.5, false)]
    [InlineData(90, 60, false)]
    public void UptakeComparable_FifteenMinutes(double baselineMinutes, double followUpMinutes, bool comparable) =>
        Assert.Equal(comparable, PercistRule.UptakeComparable(TimeSpan.FromMinutes(baselineMinutes), TimeSpan.FromMinutes(followUpMinutes), Defaults));
}
