using PacsNode.Quantification.Assessment;
using PacsNode.Quantification.Volume;
using Xunit;

namespace PacsNode.Quantification.Tests.Assessment;

/// <summary>One-to-one matching after the alignment's translation, greedy by distance, reader identifiers first.</summary>
public sealed class LesionMatcherTests
{
    private static LesionPosition At(double x, double y, double z, string? reader = null) => new(new PatientVector(x, y, z), reader);

    [Fact]
    public void Match_FollowUpShiftedAndListedInOtherOrder_EachBaselineFindsItsLesion()
    {
        var shift = new PatientVector(6, -4, 9);
        LesionPosition[] baseline = [At(0, 0, 0), At(40, 0, 0), At(0, 60, -30)];
        // Follow-up: the same lesions moved by the shift (with 1–2 mm of change), listed as 3rd, 1st, 2nd.
        LesionPosition[] followUp = [At(6, 56, -21), At(7, -4, 10), At(45, -5, 8)];

        IReadOnlyList<LesionMatch> matches = LesionMatcher.Match(baseline, followUp, RigidAlignment.Given(shift), 20);

        // A → (6, −4, 9): follow-up 1 at √2 mm; B → (46, −4, 9): follow-up 2 at √3 mm; C → (6, 56, −21): follow-up 0.
        Assert.Equal(new int?[] { 1, 2, 0 }, matches.Select(m => m.FollowUpIndex));
        Assert.Equal(new int?[] { 0, 1, 2 }, matches.Select(m => m.BaselineIndex));
        Assert.Equal(Math.Sqrt(2), matches[0].DistanceMm!.Value, 12);
        Assert.Equal(Math.Sqrt(3), matches[1].DistanceMm!.Value, 12);
        Assert.Equal(0, matches[2].DistanceMm!.Value, 12);
    }

    [Fact]
    public void Match_WithoutAlignment_ShiftSwapsNeighbours_WithAlignmentCorrect()
    {
        // A at 0 and B at 25 mm; the patient moved +20 mm in x. Unaligned, A' (20) is 5 mm from B and 20 mm from A.
        LesionPosition[] baseline = [At(0, 0, 0), At(25, 0, 0)];
        LesionPosition[] followUp = [At(20, 0, 0), At(45, 0, 0)];

        IReadOnlyList<LesionMatch> unaligned = LesionMatcher.Match(baseline, followUp, RigidAlignment.Identity, 20);
        IReadOnlyList<LesionMatch> aligned = LesionMatcher.Match(baseline, followUp, RigidAlignment.Given(new PatientVector(20, 0, 0)), 20);

        Assert.Equal(new[] { new LesionMatch(1, 0, 5, false), new LesionMatch(0, null, null, false), new LesionMatch(null, 1, null, false) }, unaligned);
        Assert.Equal(new[] { new LesionMatch(0, 0, 0, false), new LesionMatch(1, 1, 0, false) }, aligned);
    }

    [Fact]
    public void Match_PatientTurned5Degrees_TranslationAloneSwapsNeighboursRotationCorrect()
    {
        // A (150, 0) and B (150, 20) turned 5° about the z axis: A' (149.429, 13.073), B' (147.686, 32.997). Unturned,
        // A' lies 6.95 mm from B (taken first) and B' 33 mm from A: A disappears and B' is new.
        LesionPosition[] baseline = [At(150, 0, 0), At(150, 20, 0)];
        var turn = RigidAlignment.Given(default, new PatientVector(0, 0, 5));
        LesionPosition[] followUp = [.. baseline.Select(b => new LesionPosition(turn.Map(b.PositionMm), null))];

        IReadOnlyList<LesionMatch> unaligned = LesionMatcher.Match(baseline, followUp, RigidAlignment.Identity, 20);
        IReadOnlyList<LesionMatch> aligned = LesionMatcher.Match(baseline, followUp, turn, 20);

        Assert.Equal(new int?[] { 1, 0, null }, unaligned.Select(m => m.BaselineIndex));
        Assert.Equal(new int?[] { 0, null, 1 }, unaligned.Select(m => m.FollowUpIndex));
        Assert.Equal(6.95, unaligned[0].DistanceMm!.Value, 2);
        Assert.Equal(new int?[] { 0, 1 }, aligned.Select(m => m.FollowUpIndex));
        Assert.All(aligned, m => Assert.True(m.DistanceMm < 1e-9));
    }

    [Fact]
    public void Match_Tolerance_InclusiveAtTheLimit()
    {
        IReadOnlyList<LesionMatch> at = LesionMatcher.Match([At(0, 0, 0)], [At(12, 16, 0)], RigidAlignment.Identity, 20);
        IReadOnlyList<LesionMatch> beyond = LesionMatcher.Match([At(0, 0, 0)], [At(12, 16.01, 0)], RigidAlignment.Identity, 20);

        Assert.Equal(new[] { new LesionMatch(0, 0, 20, false) }, at);
        Assert.Equal(new[] { new LesionMatch(0, null, null, false), new LesionMatch(null, 0, null, false) }, beyond);
    }

    [Fact]
    public void Match_TwoBaselineLesionsWantOne_NearestWinsOtherDisappears()
    {
        IReadOnlyList<LesionMatch> matches = LesionMatcher.Match([At(0, 0, 0), At(10, 0, 0)], [At(7, 0, 0)], RigidAlignment.Identity, 20);

        Assert.Equal(new[] { new LesionMatch(1, 0, 3, false), new LesionMatch(0, null, null, false) }, matches);
    }

    [Fact]
    public void Match_GreedyByDistance_NotByListOrder()
    {
        // Baseline 0 is 8 mm from follow-up 0 and 9 mm from follow-up 1; baseline 1 is 2 mm from follow-up 0 only.
        IReadOnlyList<LesionMatch> matches = LesionMatcher.Match([At(0, 0, 0), At(10, 0, 0)], [At(8, 0, 0), At(0, 9, 0)], RigidAlignment.Identity, 20);

        Assert.Equal(new[] { new LesionMatch(0, 1, 9, false), new LesionMatch(1, 0, 2, false) }, matches);
    }

    [Fact]
    public void Match_ReaderIdentifiers_TakePrecedenceOverDistance()
    {
        // The reader says baseline 0 is follow-up 1 (50 mm away); baseline 1 (no identifier) takes the lesion near it.
        LesionPosition[] baseline = [At(0, 0, 0, "T7"), At(100, 0, 0)];
        LesionPosition[] followUp = [At(1, 0, 0), At(50, 0, 0, "T7"), At(101, 0, 0)];

        IReadOnlyList<LesionMatch> matches = LesionMatcher.Match(baseline, followUp, RigidAlignment.Identity, 20);

        Assert.Equal(new[] { new LesionMatch(0, 1, 50, true), new LesionMatch(1, 2, 1, false), new LesionMatch(null, 0, null, false) }, matches);
    }

    [Fact]
    public void Match_NoFollowUpLesions_AllDisappeared()
    {
        IReadOnlyList<LesionMatch> matches = LesionMatcher.Match([At(0, 0, 0), At(1, 1, 1)], [], RigidAlignment.Identity, 20);

        Assert.All(matches, m => Assert.Null(m.FollowUpIndex));
        Assert.Equal(2, matches.Count);
    }
}
