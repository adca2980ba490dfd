using PacsNode.Quantification.Assessment;
using Xunit;

namespace PacsNode.Quantification.Tests.Assessment;

/// <summary>Issue 6 part 6 fixes the code values exactly; the SR writer takes them from <see cref="AssessmentCodes"/>.</summary>
public sealed class AssessmentCodesTests
{
    [Fact]
    public void Codes_AreIssueSixValues()
    {
        Assert.Equal("99PACSNODE", AssessmentCodes.Scheme);
        Assert.Equal(
            new[] { "HER2CLASS", "HER2STATUS", "HER2PATTERN", "EORTC", "PERCIST", "ZEPHIRGROUP" },
            new[] { AssessmentCodes.ConceptHer2Class, AssessmentCodes.ConceptHer2Status, AssessmentCodes.ConceptHer2Pattern,
                AssessmentCodes.ConceptEortc, AssessmentCodes.ConceptPercist, AssessmentCodes.ConceptZephirGroup });
        Assert.Equal(new[] { "HER2-1", "HER2-2", "HER2-3", "HER2-4" }, Enumerable.Range(1, 4).Select(AssessmentCodes.Her2Class));
        Assert.Equal("POS", AssessmentCodes.Status(true));
        Assert.Equal("NEG", AssessmentCodes.Status(false));
        Assert.Equal(new[] { "A", "B", "C", "D" }, Enum.GetValues<Her2Pattern>().Select(AssessmentCodes.Pattern));
        Assert.Equal(new[] { "CMR", "PMR", "SMD", "PMD" }, Enum.GetValues<ResponseCategory>().Select(AssessmentCodes.Response));
        Assert.Equal(new[] { "POS-RESP", "POS-NORESP", "NEG-RESP", "NEG-NORESP" }, Enum.GetValues<ZephirGroup>().Select(AssessmentCodes.Group));
    }

    [Fact]
    public void Meaning_EveryCode_NonEmptyAndShortEnoughForLo()
    {
        string[] codes =
        [
            "HER2CLASS", "HER2STATUS", "HER2PATTERN", "EORTC", "PERCIST", "ZEPHIRGROUP", "HER2-1", "HER2-2", "HER2-3", "HER2-4",
            "POS", "NEG", "A", "B", "C", "D", "CMR", "PMR", "SMD", "PMD", "POS-RESP", "POS-NORESP", "NEG-RESP", "NEG-NORESP",
        ];
        Assert.All(codes, c => Assert.InRange(AssessmentCodes.Meaning(c).Length, 1, 64));
        Assert.Contains("treatment failure", AssessmentCodes.Meaning("NEG-NORESP"), StringComparison.Ordinal);
    }

    [Fact]
    public void Meaning_UnknownCode_Throws() => Assert.Throws<ArgumentException>(() => AssessmentCodes.Meaning("HER2-5"));

    [Fact]
    public void Her2Class_OutOfRange_Throws() => Assert.Throws<ArgumentOutOfRangeException>(() => AssessmentCodes.Her2Class(5));
}
