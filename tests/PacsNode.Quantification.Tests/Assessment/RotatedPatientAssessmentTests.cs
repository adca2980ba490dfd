using System.Diagnostics;
using PacsNode.Quantification.Assessment;
using PacsNode.Quantification.Phantoms;
using PacsNode.Quantification.Volume;
using Xunit;

namespace PacsNode.Quantification.Tests.Assessment;

/// <summary>
/// The rigid alignment with rotation on generated patients: a patient turned 5° about the long axis at the follow-up
/// (−3° at the HER2-PET) is recovered, lesions map onto their truth positions, and the whole assessment equals the
/// generator's truth; the unturned patient keeps a translation-only alignment.
/// </summary>
public sealed class RotatedPatientAssessmentTests(RotatedPatientPhantomFixture rotated, PatientPhantomFixture straight)
    : IClassFixture<RotatedPatientPhantomFixture>, IClassFixture<PatientPhantomFixture>
{
    /// <summary>Angles to within half a degree.</summary>
    private const double AngleToleranceDegrees = 0.5;

    /// <summary>Mapped lesion centres to within 1 mm of the truth.</summary>
    private const double PositionToleranceMm = 1;

    [Fact]
    public void Align_FollowUpTurned5Degrees_RecoversRotationAndMapsLesionsOntoTruth()
    {
        var timer = Stopwatch.StartNew();
        RigidAlignment a = Align(rotated.Baseline, rotated.FollowUp, new AlignmentOptions());
        TimeSpan rigid = timer.Elapsed;
        timer.Restart();
        RigidAlignment translationOnly = Align(rotated.Baseline, rotated.FollowUp, new AlignmentOptions { MaximumRotationDegrees = 0 });
        TestContext.Current.TestOutputHelper?.WriteLine($"rigid {rigid.TotalMilliseconds:0} ms: {a.Describe()}");
        TestContext.Current.TestOutputHelper?.WriteLine($"translation only {timer.Elapsed.TotalMilliseconds:0} ms: {translationOnly.Describe()}");

        Assert.True(Math.Abs(a.RotationDegrees.Z - 5) < AngleToleranceDegrees, $"rotation {a.RotationDegrees}");
        Assert.True(Math.Abs(a.RotationDegrees.X) < AngleToleranceDegrees && Math.Abs(a.RotationDegrees.Y) < AngleToleranceDegrees, $"rotation {a.RotationDegrees}");
        Assert.Empty(a.Warnings);
        Assert.True(a.Correlation > translationOnly.Correlation + 0.01, $"NCC {a.Correlation} vs translation only {translationOnly.Correlation}");
        // The truth is p → Rz(5°)·p + shift, so the origin goes to the shift.
        (double X, double Y, double Z) shift = rotated.Phantom.Truth.FollowUpShiftMm;
        Assert.True((a.Map(default) - new PatientVector(shift.X, shift.Y, shift.Z)).Length < PositionToleranceMm, $"origin maps to {a.Map(default)}");
        foreach (PatientPhantomLesionTruth l in rotated.Phantom.Truth.Lesions.Where(l => l.BaselineCentreMm is not null && l.FollowUpCentreMm is not null))
        {
            PatientVector error = a.Map(Vector(l.BaselineCentreMm!.Value)) - Vector(l.FollowUpCentreMm!.Value);
            PatientVector before = translationOnly.Map(Vector(l.BaselineCentreMm!.Value)) - Vector(l.FollowUpCentreMm!.Value);
            TestContext.Current.TestOutputHelper?.WriteLine($"{l.Design.Name}: rigid error {error.Length:0.00} mm, translation-only error {before.Length:0.00} mm");
            Assert.True(error.Length < PositionToleranceMm, $"{l.Design.Name}: mapped {error.Length:0.00} mm from the truth");
            Assert.True((a.Unmap(a.Map(Vector(l.BaselineCentreMm!.Value))) - Vector(l.BaselineCentreMm!.Value)).Length < 1e-9);
        }
    }

    [Fact]
    public void Align_Her2TurnedMinus3Degrees_RecoversRotation()
    {
        RigidAlignment a = Align(rotated.Baseline, rotated.Her2Pet, new AlignmentOptions());

        Assert.True(Math.Abs(a.RotationDegrees.Z + 3) < AngleToleranceDegrees, $"rotation {a.RotationDegrees}");
        Assert.True(Math.Abs(a.RotationDegrees.X) < AngleToleranceDegrees && Math.Abs(a.RotationDegrees.Y) < AngleToleranceDegrees, $"rotation {a.RotationDegrees}");
        (double X, double Y, double Z) shift = rotated.Phantom.Truth.Her2ShiftMm;
        Assert.True((a.Map(default) - new PatientVector(shift.X, shift.Y, shift.Z)).Length < PositionToleranceMm, $"origin maps to {a.Map(default)}");
    }

    [Fact]
    public void Align_TurnedFurtherThanSearched_WarnsOnBorder()
    {
        RigidAlignment a = Align(rotated.Baseline, rotated.FollowUp, new AlignmentOptions { MaximumRotationDegrees = 3, CoarseRotationStepDegrees = 1 });

        Assert.Equal(3, a.RotationDegrees.Z, 9);
        Assert.Contains(a.Warnings, w => w.Contains("rotation optimum lies on the border", StringComparison.Ordinal));
    }

    [Fact]
    public void Align_AboutZOnly_RecoversRotation()
    {
        RigidAlignment a = Align(rotated.Baseline, rotated.FollowUp, new AlignmentOptions { RotateAboutAllAxes = false });

        Assert.True(Math.Abs(a.RotationDegrees.Z - 5) < AngleToleranceDegrees, $"rotation {a.RotationDegrees}");
        Assert.Equal(0, a.RotationDegrees.X);
        Assert.Equal(0, a.RotationDegrees.Y);
        Assert.Contains("about z only", a.Method, StringComparison.Ordinal);
    }

    [Fact]
    public void Align_UnturnedPatient_RotationNotKept()
    {
        foreach (StudyQuantification other in (StudyQuantification[])[straight.Her2Pet, straight.FollowUp])
        {
            RigidAlignment a = Align(straight.Baseline, other, new AlignmentOptions());

            Assert.Equal(default, a.RotationDegrees);
            Assert.Equal(a.Correlation, a.TranslationOnlyCorrelation);
            Assert.Contains("not kept", a.Method, StringComparison.Ordinal);
            TestContext.Current.TestOutputHelper?.WriteLine(a.Describe());
        }
    }

    [Fact]
    public void Assess_ThreeVisitsFollowUpTurned_EveryResultEqualsTruthAndLesionResidualSmall()
    {
        PatientPhantomTruth truth = rotated.Phantom.Truth;
        StudyQuantification[] studies = [rotated.Baseline, rotated.Her2Pet, rotated.FollowUp];

        PatientAssessment a = new PatientAssessor(rotated.Kernels).Assess(studies, new AssessmentOptions());
        PatientAssessment translationOnly = new PatientAssessor(rotated.Kernels).Assess(
            studies, new AssessmentOptions { Alignment = new AlignmentOptions { MaximumRotationDegrees = 0 } });
        TestContext.Current.TestOutputHelper?.WriteLine(PatientAssessmentText.Write(a));
        TestContext.Current.TestOutputHelper?.WriteLine($"translation only: lesion residual RMS {translationOnly.LesionResidualRmsMm:0.00} mm, max {translationOnly.LesionResidualMaxMm:0.00} mm");

        Assert.True(a.IsComplete, string.Join("; ", a.Missing));
        Assert.True(a.LesionResidualRmsMm < 1.5, $"lesion residual RMS {a.LesionResidualRmsMm:0.###} mm");
        Assert.True(a.LesionResidualMaxMm < 3, $"lesion residual max {a.LesionResidualMaxMm:0.###} mm");
        // Without the rotation the peripheral lesions are several mm off: the tolerance left for real change shrinks.
        Assert.True(translationOnly.LesionResidualMaxMm > 2 * a.LesionResidualMaxMm, $"translation-only residual max {translationOnly.LesionResidualMaxMm:0.###} mm");
        PatientTruthAssert.Lesions(truth, a, withFollowUp: true);
        Assert.Equal(truth.Her2Pattern, AssessmentCodes.Pattern(a.Her2!.Pattern));
        Assert.Equal(truth.Her2Status, AssessmentCodes.Status(a.Her2.Positive));
        Assert.Equal(truth.Percist, AssessmentCodes.Response(a.Percist!.Category));
        Assert.Equal(truth.ZephirGroup, AssessmentCodes.Group(a.Zephir!.Group));
        Assert.Contains("rotation (", PatientAssessmentText.Write(a), StringComparison.Ordinal);
    }

    private static RigidAlignment Align(StudyQuantification reference, StudyQuantification other, AlignmentOptions options) =>
        BodyAligner.Align(reference.Result.Volume!, reference.Result.Body!, other.Result.Volume!, other.Result.Body!, options);

    private static PatientVector Vector((double X, double Y, double Z) p) => new(p.X, p.Y, p.Z);
}
