using PacsNode.Quantification.Assessment;
using PacsNode.Quantification.Volume;
using Xunit;

namespace PacsNode.Quantification.Tests.Assessment;

/// <summary>The rotation convention (about x, then y, then z, right-handed) and the rigid map about a centre, by hand.</summary>
public sealed class RigidAlignmentTests
{
    private static void Near(PatientVector expected, PatientVector actual) =>
        Assert.True((expected - actual).Length < 1e-12, $"expected {expected}, got {actual}");

    [Fact]
    public void FromDegrees_90AboutZ_TurnsXTowardsY()
    {
        var r = RotationMatrix.FromDegrees(new PatientVector(0, 0, 90));

        Near(new PatientVector(0, 1, 0), r.Apply(new PatientVector(1, 0, 0)));
        Near(new PatientVector(-1, 0, 0), r.Apply(new PatientVector(0, 1, 0)));
        Near(new PatientVector(0, 0, 1), r.Apply(new PatientVector(0, 0, 1)));
    }

    [Fact]
    public void FromDegrees_XThenZ_OrderMatters()
    {
        // (0, 0, 1): 90° about x gives (0, −1, 0) (y' = −sin·z), then 90° about z gives (1, 0, 0). Turning about z
        // first would leave it on the z axis and give (0, −1, 0).
        var r = RotationMatrix.FromDegrees(new PatientVector(90, 0, 90));

        Near(new PatientVector(1, 0, 0), r.Apply(new PatientVector(0, 0, 1)));
    }

    [Fact]
    public void FromDegrees_90AboutY_TurnsZTowardsX()
    {
        Near(new PatientVector(1, 0, 0), RotationMatrix.FromDegrees(new PatientVector(0, 90, 0)).Apply(new PatientVector(0, 0, 1)));
    }

    [Fact]
    public void ApplyInverse_UndoesApply()
    {
        var r = RotationMatrix.FromDegrees(new PatientVector(3.5, -6, 7.25));
        var v = new PatientVector(120, -45, 300);

        Near(v, r.ApplyInverse(r.Apply(v)));
        Assert.Equal(v.Length, r.Apply(v).Length, 9);
    }

    [Fact]
    public void Map_RotationAboutCentrePlusTranslation_ByHand()
    {
        // Centre (100, 0, 0); (110, 0, 0) is 10 mm along x from it, turned 90° about z: 10 mm along y; then + (10, 0, 5).
        var a = RigidAlignment.Given(new PatientVector(10, 0, 5), new PatientVector(0, 0, 90), new PatientVector(100, 0, 0));

        Near(new PatientVector(110, 10, 5), a.Map(new PatientVector(110, 0, 0)));
        Near(new PatientVector(110, 0, 5), a.Map(new PatientVector(100, 0, 0)));
        Near(new PatientVector(110, 0, 0), a.Unmap(new PatientVector(110, 10, 5)));
    }

    [Fact]
    public void Map_IdentityAndSameFrame_LeavePointsWhereTheyAre()
    {
        var p = new PatientVector(-12.5, 40, 800);

        Assert.Equal(p, RigidAlignment.Identity.Map(p));
        Assert.Equal(p, RigidAlignment.SameFrame.Unmap(p));
        Assert.Equal(p + new PatientVector(1, 2, 3), RigidAlignment.Given(new PatientVector(1, 2, 3)).Map(p));
    }
}
