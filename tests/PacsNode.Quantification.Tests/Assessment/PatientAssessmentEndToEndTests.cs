using PacsNode.Quantification.Assessment;
using PacsNode.Quantification.Phantoms;
using PacsNode.Quantification.Volume;
using Xunit;

namespace PacsNode.Quantification.Tests.Assessment;

/// <summary>
/// Issue 6's acceptance on the computational core: a generated patient (baseline FDG, day-4 89Zr-trastuzumab, FDG after
/// one cycle; own frames of reference, shifted by a few mm) is quantified study by study, given in any order, and every
/// lesion's match, HER2 class and status, EORTC and group, the pattern, PERCIST and the ZEPHIR group must equal the
/// truth the generator wrote (stated by hand in <see cref="PatientPhantomDesign"/>).
/// </summary>
public sealed class PatientAssessmentEndToEndTests(PatientPhantomFixture fixture) : IClassFixture<PatientPhantomFixture>
{
    public static TheoryData<int[]> Orders => new() { new[] { 0, 1, 2 }, new[] { 2, 0, 1 }, new[] { 1, 2, 0 } };

    [Theory]
    [MemberData(nameof(Orders))]
    public void Assess_ThreeVisitsInAnyOrder_EveryResultEqualsGeneratorTruth(int[] order)
    {
        StudyQuantification[] all = [fixture.Baseline, fixture.Her2Pet, fixture.FollowUp];
        PatientPhantomTruth truth = fixture.Phantom.Truth;

        PatientAssessment a = new PatientAssessor(fixture.Kernels).Assess([.. order.Select(i => all[i])], new AssessmentOptions());
        TestContext.Current.TestOutputHelper?.WriteLine(PatientAssessmentText.Write(a));

        Assert.True(a.IsComplete, string.Join("; ", a.Missing));
        Assert.Equal(truth.PatientId, a.PatientId);
        Assert.Same(fixture.Baseline, a.Visits.Baseline);
        Assert.Same(fixture.Her2Pet, a.Visits.Her2Pet);
        Assert.Same(fixture.FollowUp, a.Visits.FollowUp);
        AssertShift(truth.Her2ShiftMm, a.Alignments[fixture.Her2Pet.StudyInstanceUid]);
        AssertShift(truth.FollowUpShiftMm, a.Alignments[fixture.FollowUp.StudyInstanceUid]);
        Assert.True(a.LesionResidualMaxMm < 3, $"lesion residual {a.LesionResidualMaxMm:0.###} mm");
        PatientTruthAssert.Lesions(truth, a, withFollowUp: true);
        Assert.NotNull(a.Her2);
        Assert.Equal(truth.Her2Pattern, AssessmentCodes.Pattern(a.Her2.Pattern));
        Assert.Equal(truth.Her2Status, AssessmentCodes.Status(a.Her2.Positive));
        Assert.NotNull(a.Percist);
        Assert.Equal(truth.Percist, AssessmentCodes.Response(a.Percist.Category));
        Assert.Equal("SULpeak", a.Percist.Metric);
        Assert.True(a.Percist.NewLesions);
        Assert.True(a.Percist.LiverComparable);
        Assert.True(a.Percist.UptakeComparable);
        Assert.NotNull(a.Zephir);
        Assert.Equal(truth.ZephirGroup, AssessmentCodes.Group(a.Zephir.Group));
        Assert.True(a.Zephir.PredictsTreatmentFailure);
        Assert.Equal(ZephirRule.TreatmentFailureStatement, a.Zephir.Statement);
    }

    [Fact]
    public void Assess_BaselineAndHer2Only_PartialAssessmentNamesMissingFollowUp()
    {
        PatientAssessment a = new PatientAssessor(fixture.Kernels).Assess([fixture.Her2Pet, fixture.Baseline], new AssessmentOptions());

        Assert.False(a.IsComplete);
        string missing = Assert.Single(a.Missing);
        Assert.StartsWith("follow-up FDG after one cycle", missing, StringComparison.Ordinal);
        Assert.Null(a.Visits.FollowUp);
        PatientTruthAssert.Lesions(fixture.Phantom.Truth, a, withFollowUp: false);
        Assert.NotNull(a.Her2);
        Assert.Equal(fixture.Phantom.Truth.Her2Pattern, AssessmentCodes.Pattern(a.Her2.Pattern));
        Assert.Null(a.Percist);
        Assert.Null(a.Zephir);
    }

    [Fact]
    public void Assess_FollowUpWithoutHer2_PartialWithResponseButNoPatternOrGroup()
    {
        PatientAssessment a = new PatientAssessor(fixture.Kernels).Assess([fixture.FollowUp, fixture.Baseline], new AssessmentOptions());

        string missing = Assert.Single(a.Missing);
        Assert.StartsWith("HER2-PET", missing, StringComparison.Ordinal);
        Assert.Null(a.Her2);
        Assert.Null(a.Zephir);
        Assert.NotNull(a.Percist);
        Assert.Equal(fixture.Phantom.Truth.Percist, AssessmentCodes.Response(a.Percist.Category));
        Assert.All(a.Lesions.Where(l => l.Baseline is not null), l => Assert.NotNull(l.Eortc));
    }

    [Fact]
    public void Assess_Her2Only_PartialNamesBothFdgVisits()
    {
        PatientAssessment a = new PatientAssessor(fixture.Kernels).Assess([fixture.Her2Pet], new AssessmentOptions());

        Assert.Equal(2, a.Missing.Count);
        Assert.StartsWith("baseline FDG", a.Missing[0], StringComparison.Ordinal);
        Assert.StartsWith("follow-up FDG", a.Missing[1], StringComparison.Ordinal);
        Assert.Empty(a.Lesions);
        Assert.Null(a.Her2);
    }

    [Fact]
    public void Assess_EortcResponseBasis_NoResponseBecauseOfPmdAndNewLesion()
    {
        PatientAssessment a = new PatientAssessor(fixture.Kernels).Assess(
            [fixture.Baseline, fixture.Her2Pet, fixture.FollowUp], new AssessmentOptions { ResponseBasis = ResponseBasis.EortcAllLesions });

        Assert.Equal(ResponseBasis.EortcAllLesions, a.Zephir!.Basis);
        Assert.False(a.Zephir.EarlyResponse);
        Assert.Equal("NEG-NORESP", AssessmentCodes.Group(a.Zephir.Group));
    }

    [Fact]
    public void Assess_PatternWeightedByCount_ThreeOfFivePositiveIsB()
    {
        // By lesion count 3 of the 5 baseline lesions are HER2-positive (60%): pattern B, HER2-PET positive, so the
        // patient moves to POS-NORESP; by MTV (the default) it is C.
        PatientAssessment a = new PatientAssessor(fixture.Kernels).Assess(
            [fixture.Baseline, fixture.Her2Pet, fixture.FollowUp], new AssessmentOptions { PatternWeight = TumourLoadWeight.Count });

        Assert.Equal(Her2Pattern.B, a.Her2!.Pattern);
        Assert.Equal(0.6, a.Her2.PositiveShare, 12);
        Assert.Equal("POS-NORESP", AssessmentCodes.Group(a.Zephir!.Group));
        Assert.Null(a.Zephir.Statement);
    }

    [Fact]
    public void Assess_RunTwice_SameTrackingUids()
    {
        var assessor = new PatientAssessor(fixture.Kernels);
        PatientAssessment first = assessor.Assess([fixture.Baseline, fixture.Her2Pet, fixture.FollowUp], new AssessmentOptions());
        PatientAssessment second = assessor.Assess([fixture.FollowUp, fixture.Baseline, fixture.Her2Pet], new AssessmentOptions());

        Assert.Equal(first.Lesions.Select(l => (l.TrackingIdentifier, l.TrackingUid)), second.Lesions.Select(l => (l.TrackingIdentifier, l.TrackingUid)));
        Assert.All(first.Lesions, l => Assert.StartsWith("2.25.", l.TrackingUid, StringComparison.Ordinal));
    }

    private static void AssertShift((double X, double Y, double Z) expected, RigidAlignment alignment)
    {
        PatientVector error = alignment.TranslationMm - new PatientVector(expected.X, expected.Y, expected.Z);
        Assert.True(error.Length < 1.5, $"translation {alignment.TranslationMm}, expected {expected}, correlation {alignment.Correlation:0.####}");
        Assert.Empty(alignment.Warnings);
    }
}
