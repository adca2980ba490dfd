using PacsNode.Quantification.Phantoms;
using Xunit;

namespace PacsNode.Quantification.Tests.Phantoms;

/// <summary>A patient turned about its long axis between visits: the anatomy and the truth turn together.</summary>
public sealed class PatientPhantomRotationTests
{
    [Fact]
    public void Truth_FollowUpTurned5Degrees_LesionCentreTurnedAboutBodyAxisThenShifted()
    {
        // 96 columns × 4 mm = 384 mm across: the anatomy is scaled 0.96 (120 × 3 mm along z: 360/700). The lung lesion
        // (−75, 0, 160) is at (−72, 0, 82.286); turned 5°: (−72·cos 5°, −72·sin 5°) = (−71.7260, −6.2752); then
        // + (−5.3, 2.7, −7.6).
        var spec = new PatientPhantomSpec { Columns = 96, Rows = 96, Slices = 120, FollowUpRotationZDegrees = 5 };

        PatientPhantomTruth truth = PatientPhantomGenerator.Truth(spec);

        PatientPhantomLesionTruth lung = truth.Lesions.Single(l => l.Design.Name == "lung");
        (double x, double y, double z) = lung.FollowUpCentreMm!.Value;
        Assert.Equal(-71.7260 - 5.3, x, 3);
        Assert.Equal(-6.2752 + 2.7, y, 3);
        Assert.Equal((160 * 360.0 / 700) - 7.6, z, 9);
        Near((-72, 0, 160 * 360.0 / 700), lung.BaselineCentreMm!.Value);
        Assert.Equal(5, truth.FollowUpRotationZDegrees);
        Assert.Equal(0, truth.Her2RotationZDegrees);
    }

    [Fact]
    public void Truth_DefaultSpec_NoRotationCentresAreShiftedOnly()
    {
        PatientPhantomTruth truth = PatientPhantomGenerator.Truth(new PatientPhantomSpec { Columns = 96, Rows = 96, Slices = 120 });

        PatientPhantomLesionTruth lung = truth.Lesions.Single(l => l.Design.Name == "lung");
        Near((-72 - 5.3, 0 + 2.7, (160 * 360.0 / 700) - 7.6), lung.FollowUpCentreMm!.Value);
    }

    [Fact]
    public void Anatomy_BodyTurned90Degrees_WideAxisNowAlongY()
    {
        // Clinical size (200 × 4 mm): a 170 × 110 mm elliptic body. Below the liver (z = −300) only the body and spine
        // are there. Turned 90°, 150 mm along y is inside and 150 mm along x is outside.
        var straight = PhantomSpec.Create(PhantomTracer.Fdg);
        var anatomy = new PhantomAnatomy(straight);
        var turned = new PhantomAnatomy(straight with { BodyRotationZDegrees = 90 });

        Assert.Equal(PhantomRegion.Body, anatomy.Classify(150, 0, -300).Region);
        Assert.Equal(PhantomRegion.Air, anatomy.Classify(0, 150, -300).Region);
        Assert.Equal(PhantomRegion.Air, turned.Classify(150, 0, -300).Region);
        Assert.Equal(PhantomRegion.Body, turned.Classify(0, 150, -300).Region);
    }

    private static void Near((double X, double Y, double Z) expected, (double X, double Y, double Z) actual)
    {
        Assert.Equal(expected.X, actual.X, 9);
        Assert.Equal(expected.Y, actual.Y, 9);
        Assert.Equal(expected.Z, actual.Z, 9);
    }
}
