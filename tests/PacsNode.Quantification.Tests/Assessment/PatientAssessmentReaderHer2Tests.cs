using PacsNode.Quantification.Assessment;
using PacsNode.Quantification.Phantoms;
using Xunit;

namespace PacsNode.Quantification.Tests.Assessment;

/// <summary>
/// A reader's HER2-PET class replaces the node's proposed one (DOMAIN.md section 5) on the generated three-visit patient,
/// whose expected results are worked by hand in <see cref="PatientPhantomDesign"/>: FDG MTVs ∝ d³, proposed classes
/// positive for lung (20 mm), pelvis-left (24) and abdomen-left (20), negative for pelvis-right (24) and abdomen-low
/// (30): share 29824 / 70648 = 0.42 → pattern C, NEG-NORESP.
/// </summary>
public sealed class PatientAssessmentReaderHer2Tests(PatientPhantomFixture fixture) : IClassFixture<PatientPhantomFixture>
{
    private static readonly DateTimeOffset Read = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Assess_ReaderClass4OnNegativeLesion_LesionPatternAndZephirFollowReader()
    {
        TrackedLesion abdomenLow = Lesion(Assess([]), "abdomen-low");
        Assert.Equal(2, abdomenLow.Her2!.ProposedClass);

        PatientAssessment a = Assess(
        [
            new ReaderHer2Class(abdomenLow.TrackingUid, null, 4, "Reader^Anna", "1.2.826.0.1.99.1", Read),
            new ReaderHer2Class(null, "L99", 1, "Reader^Anna", "1.2.826.0.1.99.1", Read),
        ]);

        TrackedLesion lesion = Lesion(a, "abdomen-low");
        Her2LesionResult her2 = lesion.Her2!;
        Assert.Equal(4, her2.ReaderClass);
        Assert.Equal(4, her2.Class);
        Assert.Equal(2, her2.ProposedClass);
        Assert.Equal(abdomenLow.Her2.Lbr, her2.Lbr);
        Assert.True(her2.Positive);
        Assert.False(her2.Proposed);
        Assert.Equal("Reader^Anna", her2.ReaderObserver);
        Assert.Equal("1.2.826.0.1.99.1", her2.ReaderSourceUid);
        Assert.Equal("POS-RESP", AssessmentCodes.Group(lesion.Group!.Value)); // positive × EORTC PMR (12 → 6)

        // Positive now 20³ + 24³ + 20³ + 30³ = 56824 of 70648 = 0.804 ≥ 0.5, one lesion (pelvis-right) negative → B.
        Assert.Equal(Her2Pattern.B, a.Her2!.Pattern);
        Assert.True(a.Her2.Positive);
        Assert.InRange(a.Her2.PositiveShare, 0.804 - 0.03, 0.804 + 0.03);
        Assert.Equal("POS-NORESP", AssessmentCodes.Group(a.Zephir!.Group)); // PERCIST PMD: no early response
        Assert.Null(a.Zephir.Statement);
        Assert.All(a.Lesions.Where(l => l.Her2 is not null && l.TrackingUid != lesion.TrackingUid), l => Assert.Null(l.Her2!.ReaderClass));
        Assert.Contains(a.Notes, n => n.Contains("names no lesion", StringComparison.Ordinal) && n.Contains("L99", StringComparison.Ordinal));
        Assert.Contains("by reader Reader^Anna", PatientAssessmentText.Write(a), StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_TwoReaderClassesByIdentifier_LatestWinsAndUidMatchesFirst()
    {
        PatientAssessment proposed = Assess([]);
        TrackedLesion lung = Lesion(proposed, "lung"), abdomenLow = Lesion(proposed, "abdomen-low");

        PatientAssessment a = Assess(
        [
            new ReaderHer2Class(null, lung.TrackingIdentifier, 4, "Reader^Early", "1.2.826.0.1.99.2", Read),
            new ReaderHer2Class(null, lung.TrackingIdentifier, 1, "Reader^Late", "1.2.826.0.1.99.3", Read.AddDays(1)),
            // Names abdomen-low by UID and lung by identifier, and is the latest: the UID decides, lung is not touched.
            new ReaderHer2Class(abdomenLow.TrackingUid, lung.TrackingIdentifier, 2, "Reader^Uid", "1.2.826.0.1.99.4", Read.AddDays(2)),
        ]);

        Her2LesionResult lungHer2 = Lesion(a, "lung").Her2!;
        Assert.Equal(1, lungHer2.Class);
        Assert.Equal(4, lungHer2.ProposedClass);
        Assert.Equal("Reader^Late", lungHer2.ReaderObserver);
        Assert.False(lungHer2.Positive);
        Assert.Equal("NEG-RESP", AssessmentCodes.Group(Lesion(a, "lung").Group!.Value)); // negative × PMR
        Assert.Contains(Lesion(a, "lung").Notes, n => n.StartsWith("2 reader HER2-PET classes", StringComparison.Ordinal));
        Assert.Equal("Reader^Uid", Lesion(a, "abdomen-low").Her2!.ReaderObserver);

        // Positive now pelvis-left 24³ + abdomen-left 20³ = 21824 of 70648 = 0.309 → C, negative.
        Assert.Equal(Her2Pattern.C, a.Her2!.Pattern);
        Assert.InRange(a.Her2.PositiveShare, 0.309 - 0.03, 0.309 + 0.03);
        Assert.Equal("NEG-NORESP", AssessmentCodes.Group(a.Zephir!.Group));
    }

    [Fact]
    public void ReaderHer2Class_ClassOutsideOneToFour_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReaderHer2Class(null, "L1", 5, "x", "1.2.3", null));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReaderHer2Class(null, "L1", 0, "x", "1.2.3", null));
    }

    private PatientAssessment Assess(IReadOnlyList<ReaderHer2Class> readerClasses) =>
        new PatientAssessor(fixture.Kernels).Assess([fixture.Baseline, fixture.Her2Pet, fixture.FollowUp], new AssessmentOptions(), readerClasses);

    private TrackedLesion Lesion(PatientAssessment a, string name)
    {
        PatientPhantomLesionTruth truth = fixture.Phantom.Truth.Lesions.Single(l => l.Design.Name == name);
        return a.Lesions.Single(l => l.Baseline is { } o && PatientTruthAssert.Near(o.CentroidMm, truth.BaselineCentreMm!.Value));
    }
}
