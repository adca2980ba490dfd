using PacsNode.Quantification.Assessment;
using Xunit;

namespace PacsNode.Quantification.Tests.Assessment;

/// <summary>DOMAIN.md section 5: LBR &lt; 1.2 → 1, &lt; 1.5 → 2, &lt; 3.0 → 3, else 4; 3–4 positive; pattern by MTV share.</summary>
public sealed class Her2RulesTests
{
    private static readonly AssessmentOptions Defaults = new();

    [Theory]
    [InlineData(0.0, 1)]
    [InlineData(1.19, 1)]
    [InlineData(1.2, 2)]
    [InlineData(1.49, 2)]
    [InlineData(1.5, 3)]
    [InlineData(2.99, 3)]
    [InlineData(3.0, 4)]
    [InlineData(25.0, 4)]
    public void ProposeClass_DefaultThresholds_ClassAtAndAroundEachBoundary(double lbr, int expected) =>
        Assert.Equal(expected, Her2Rules.ProposeClass(lbr, Defaults));

    [Fact]
    public void ProposeClass_ConfiguredThresholds_AreUsed()
    {
        var options = new AssessmentOptions { Her2Class2FromLbr = 1.1, Her2Class3FromLbr = 2.0, Her2Class4FromLbr = 4.0 };

        Assert.Equal(2, Her2Rules.ProposeClass(1.15, options));
        Assert.Equal(2, Her2Rules.ProposeClass(1.9, options));
        Assert.Equal(3, Her2Rules.ProposeClass(3.5, options));
        Assert.Equal(4, Her2Rules.ProposeClass(4.0, options));
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(3, true)]
    [InlineData(4, true)]
    public void IsPositive_Class_ThreeAndFourPositive(int her2Class, bool positive) => Assert.Equal(positive, Her2Rules.IsPositive(her2Class));

    [Fact]
    public void Pattern_AllPositive_A()
    {
        (Her2Pattern pattern, double share) = Her2Rules.Pattern([(5, true), (0.1, true)], Defaults);

        Assert.Equal(Her2Pattern.A, pattern);
        Assert.Equal(1, share, 12);
        Assert.True(Her2Rules.IsPositive(pattern));
    }

    [Fact]
    public void Pattern_ExactlyHalfByVolume_B()
    {
        // 3 + 2 ml positive of 10 ml: 0.5 is "dominant (≥ 50%)".
        (Her2Pattern pattern, double share) = Her2Rules.Pattern([(3, true), (2, true), (5, false)], Defaults);

        Assert.Equal(Her2Pattern.B, pattern);
        Assert.Equal(0.5, share, 12);
        Assert.True(Her2Rules.IsPositive(pattern));
    }

    [Fact]
    public void Pattern_JustBelowHalf_C_Negative()
    {
        // 4.9 of 10 ml positive.
        (Her2Pattern pattern, double share) = Her2Rules.Pattern([(4.9, true), (5.1, false)], Defaults);

        Assert.Equal(Her2Pattern.C, pattern);
        Assert.Equal(0.49, share, 12);
        Assert.False(Her2Rules.IsPositive(pattern));
    }

    [Fact]
    public void Pattern_MostLesionsPositiveButSmall_CByVolumeNotCount()
    {
        // Three small positive lesions (1 ml each) and one large negative one (7 ml): 30% by MTV → C.
        (Her2Pattern pattern, double share) = Her2Rules.Pattern([(1, true), (1, true), (1, true), (7, false)], Defaults);

        Assert.Equal(Her2Pattern.C, pattern);
        Assert.Equal(0.3, share, 12);
    }

    [Fact]
    public void Pattern_NonePositive_D()
    {
        (Her2Pattern pattern, double share) = Her2Rules.Pattern([(3, false), (2, false)], Defaults);

        Assert.Equal(Her2Pattern.D, pattern);
        Assert.Equal(0, share);
        Assert.False(Her2Rules.IsPositive(pattern));
    }

    [Fact]
    public void Pattern_ConfiguredDominantShare_Used()
    {
        (Her2Pattern pattern, _) = Her2Rules.Pattern([(6, true), (4, false)], new AssessmentOptions { PatternDominantShare = 0.7 });

        Assert.Equal(Her2Pattern.C, pattern);
    }

    [Fact]
    public void Pattern_NoLesions_Throws() =>
        Assert.Throws<ArgumentException>(() => Her2Rules.Pattern([], Defaults));
}
