using PacsNode.Quantification.Assessment;
using PacsNode.Quantification.Lesions;
using Xunit;

namespace PacsNode.Quantification.Tests.Assessment;

public sealed class VisitAssignerTests
{
    private static readonly TracerInfo Fdg = new(PetTracer.Fdg, "FDG", "F-18", 6586.2, "header", "test");
    private static readonly TracerInfo Zr = new(PetTracer.Zr89Trastuzumab, "89Zr-trastuzumab", "Zr-89", 282276, "header", "test");
    private static readonly TracerInfo Ga = new(PetTracer.Other, "68Ga-PSMA", "Ga-68", 4057.7, "header", "test");

    private static StudyQuantification Study(string uid, TracerInfo tracer, int month, int day) => new()
    {
        PatientId = "P",
        StudyInstanceUid = uid,
        SeriesInstanceUid = uid + ".1",
        FrameOfReferenceUid = uid + ".2",
        StudyDateTime = new DateTime(2025, month, day, 10, 0, 0),
        Tracer = tracer,
        Result = new QuantifyResult(),
    };

    [Fact]
    public void Assign_ZephirStudiesInAnyOrder_ThreeRoles()
    {
        StudyQuantification baseline = Study("1", Fdg, 3, 3), her2 = Study("2", Zr, 3, 10), followUp = Study("3", Fdg, 4, 1);

        VisitAssignment v = VisitAssigner.Assign([followUp, her2, baseline], new AssessmentOptions());

        Assert.Same(baseline, v.Baseline);
        Assert.Same(her2, v.Her2Pet);
        Assert.Same(followUp, v.FollowUp);
        Assert.Empty(v.Missing);
        Assert.Equal(VisitRole.FollowUp, v.Studies.Single(s => ReferenceEquals(s.Study, followUp)).Role);
    }

    [Fact]
    public void Assign_BaselineFdgAfterHer2WithinAWeek_IsBaseline()
    {
        // HER2-PET on 10 March, FDG on 14 March (4 days later, before treatment), FDG on 5 April.
        StudyQuantification early = Study("1", Fdg, 3, 14), her2 = Study("2", Zr, 3, 10), late = Study("3", Fdg, 4, 5);

        VisitAssignment v = VisitAssigner.Assign([her2, late, early], new AssessmentOptions());

        Assert.Same(early, v.Baseline);
        Assert.Same(late, v.FollowUp);
    }

    [Fact]
    public void Assign_TwoFdgBeforeHer2_LatestIsBaselineOtherUnassigned()
    {
        StudyQuantification old = Study("0", Fdg, 1, 10), recent = Study("1", Fdg, 3, 3), her2 = Study("2", Zr, 3, 10), followUp = Study("3", Fdg, 4, 1);

        VisitAssignment v = VisitAssigner.Assign([old, recent, her2, followUp], new AssessmentOptions());

        Assert.Same(recent, v.Baseline);
        Assert.Same(followUp, v.FollowUp);
        Assert.Equal(VisitRole.Unassigned, v.Studies.Single(s => ReferenceEquals(s.Study, old)).Role);
        Assert.Contains(v.Notes, n => n.Contains("0 (Fdg) is not used", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(12, true)] // 10 days after the baseline on 2 March
    [InlineData(11, false)] // 9 days: too early for a follow-up
    public void Assign_FollowUpMinimumDays_Boundary(int followUpDay, bool found)
    {
        StudyQuantification baseline = Study("1", Fdg, 3, 2), followUp = Study("3", Fdg, 3, followUpDay);

        VisitAssignment v = VisitAssigner.Assign([baseline, followUp], new AssessmentOptions());

        Assert.Same(baseline, v.Baseline);
        Assert.Equal(found, v.FollowUp is not null);
        Assert.Contains(v.Missing, m => m.StartsWith("HER2-PET", StringComparison.Ordinal));
        Assert.Equal(!found, v.Missing.Any(m => m.StartsWith("follow-up FDG", StringComparison.Ordinal)));
    }

    [Fact]
    public void Assign_OtherTracerOnly_AllMissingAndUnassigned()
    {
        VisitAssignment v = VisitAssigner.Assign([Study("9", Ga, 3, 3)], new AssessmentOptions());

        Assert.Null(v.Baseline);
        Assert.Equal(3, v.Missing.Count);
        Assert.Equal(VisitRole.Unassigned, Assert.Single(v.Studies).Role);
    }

    [Fact]
    public void Assign_ConfiguredUids_OverrideTheRule()
    {
        StudyQuantification a = Study("1", Fdg, 3, 3), b = Study("2", Fdg, 4, 1), c = Study("3", Fdg, 5, 1);

        VisitAssignment v = VisitAssigner.Assign([a, b, c], new AssessmentOptions { BaselineStudyUid = "2", FollowUpStudyUid = "3" });

        Assert.Same(b, v.Baseline);
        Assert.Same(c, v.FollowUp);
        Assert.Contains("overridden", v.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Assign_UndatedFdg_NotPlacedAndNoted()
    {
        StudyQuantification undated = Study("1", Fdg, 3, 3) with { StudyDateTime = null };

        VisitAssignment v = VisitAssigner.Assign([undated], new AssessmentOptions());

        Assert.Null(v.Baseline);
        Assert.Contains(v.Notes, n => n.Contains("has no date", StringComparison.Ordinal));
    }
}
