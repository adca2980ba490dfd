using PacsNode.Quantification.Assessment;
using Xunit;

namespace PacsNode.Quantification.Tests.Assessment;

/// <summary>EORTC 1999 after one cycle on SUVmax: ≥ 15% decrease PMR, ≥ 25% increase PMD, else SMD; disappearance CMR.</summary>
public sealed class EortcRuleTests
{
    private static readonly AssessmentOptions Defaults = new();

    [Theory]
    [InlineData(10.0, 8.5, ResponseCategory.Pmr)] // −15.0%
    [InlineData(10.0, 8.51, ResponseCategory.Smd)] // −14.9%
    [InlineData(10.0, 2.0, ResponseCategory.Pmr)] // −80%
    [InlineData(10.0, 10.0, ResponseCategory.Smd)]
    [InlineData(10.0, 12.49, ResponseCategory.Smd)] // +24.9%
    [InlineData(10.0, 12.5, ResponseCategory.Pmd)] // +25.0%
    [InlineData(4.0, 3.4, ResponseCategory.Pmr)] // −15.0%
    [InlineData(4.0, 5.0, ResponseCategory.Pmd)] // +25.0%
    [InlineData(4.0, 4.99, ResponseCategory.Smd)] // +24.75%
    public void Classify_DefaultThresholds_CategoryAtAndAroundEachBoundary(double baseline, double followUp, ResponseCategory expected) =>
        Assert.Equal(expected, EortcRule.Classify(baseline, followUp, Defaults));

    [Fact]
    public void Classify_PmrThresholdSetTo25Percent_FifteenPercentIsStable()
    {
        var options = new AssessmentOptions { EortcPmrDecrease = 0.25 };

        Assert.Equal(ResponseCategory.Smd, EortcRule.Classify(10, 8.5, options));
        Assert.Equal(ResponseCategory.Pmr, EortcRule.Classify(10, 7.5, options));
    }

    [Fact]
    public void Change_IsRelativeToBaseline() => Assert.Equal(-0.25, EortcRule.Change(8, 6), 12);

    [Fact]
    public void Change_ZeroBaseline_Throws() => Assert.Throws<ArgumentOutOfRangeException>(() => EortcRule.Change(0, 1));

    [Theory]
    [InlineData(1.0, ResponseCategory.Cmr)]
    [InlineData(1.49, ResponseCategory.Cmr)]
    [InlineData(1.5, ResponseCategory.Pmr)] // uptake left: 10 → 3 SUVmax is a −70% PMR, not CMR
    public void Disappeared_CarriedVoiLbr_CmrOnlyWhenInBackground(double carriedLbr, ResponseCategory expected) =>
        Assert.Equal(expected, EortcRule.Disappeared(10, 3, carriedLbr, Defaults));

    [Fact]
    public void Disappeared_NoBackgroundToCompare_Cmr() =>
        Assert.Equal(ResponseCategory.Cmr, EortcRule.Disappeared(10, 3, null, Defaults));

    [Fact]
    public void Disappeared_UndetectedButIncreased_Pmd() =>
        Assert.Equal(ResponseCategory.Pmd, EortcRule.Disappeared(4, 5, 2.5, Defaults));

    [Theory]
    [InlineData(ResponseCategory.Cmr, true)]
    [InlineData(ResponseCategory.Pmr, true)]
    [InlineData(ResponseCategory.Smd, false)]
    [InlineData(ResponseCategory.Pmd, false)]
    public void IsResponse_Category_CmrAndPmrOnly(ResponseCategory category, bool response) =>
        Assert.Equal(response, EortcRule.IsResponse(category));
}
