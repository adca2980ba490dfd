using PacsNode.Quantification.Assessment;
using PacsNode.Quantification.Kernels;
using PacsNode.Quantification.Tests.Support;
using PacsNode.Quantification.Vois;
using PacsNode.Quantification.Volume;
using Xunit;

namespace PacsNode.Quantification.Tests.Assessment;

/// <summary>
/// A cartoon torso (an elliptic body cylinder along z, a cold "lung" and a hot "liver"), sampled at voxel centres;
/// the second study is the same anatomy moved by a known translation, with another tracer's contrast and another axial
/// coverage. The body cylinder alone says nothing about z: the organs must.
/// </summary>
public sealed class BodyAlignerTests
{
    private static SuvVolume Torso(PatientVector shift, double lung, double liver, double lesion, PatientVector origin) =>
        SyntheticVolume.Create(64, 64, 48, 3, (x, y, z) =>
            Value(origin.X + (3 * x) - shift.X, origin.Y + (3 * y) - shift.Y, origin.Z + (3 * z) - shift.Z, lung, liver, lesion), origin);

    /// <summary>The torso turned by R about the origin (its body axis, mid-field) and then shifted: q = R·p + shift.</summary>
    private static SuvVolume TurnedTorso(PatientVector degrees, PatientVector shift, double lung, double liver, double lesion, PatientVector origin)
    {
        var rotation = RotationMatrix.FromDegrees(degrees);
        return SyntheticVolume.Create(64, 64, 48, 3, (x, y, z) =>
        {
            PatientVector p = rotation.ApplyInverse(new PatientVector(origin.X + (3 * x), origin.Y + (3 * y), origin.Z + (3 * z)) - shift);
            return Value(p.X, p.Y, p.Z, lung, liver, lesion);
        }, origin);
    }

    private static float Value(double px, double py, double pz, double lung, double liver, double lesion)
    {
        if ((px * px / (60.0 * 60)) + (py * py / (40.0 * 40)) > 1)
        {
            return 0;
        }

        if (Inside(px, py, pz, (-25, 0, 20), (15, 20, 30)))
        {
            return (float)lung;
        }

        if (Inside(px, py, pz, (25, 0, -25), (20, 20, 15)))
        {
            return (float)liver;
        }

        return Inside(px, py, pz, (0, -20, 0), (6, 6, 6)) ? (float)lesion : 1f;
    }

    private static bool Inside(double x, double y, double z, (double X, double Y, double Z) c, (double X, double Y, double Z) r)
    {
        double u = (x - c.X) / r.X, v = (y - c.Y) / r.Y, w = (z - c.Z) / r.Z;
        return (u * u) + (v * v) + (w * w) <= 1;
    }

    [Fact]
    public void Align_ShiftedTorsoOtherTracerOtherCoverage_RecoversTranslation()
    {
        using var kernels = new ReferenceKernels();
        var shift = new PatientVector(5.3, -3.7, 7.9);
        SuvVolume reference = Torso(default, lung: 0.3, liver: 2, lesion: 8, new PatientVector(-94.5, -94.5, -70.5));
        // Zr-like contrast (lung 0.5, liver 5), lesion gone, and the field of view starting 12 mm higher.
        SuvVolume moving = Torso(shift, lung: 0.5, liver: 5, lesion: 1, new PatientVector(-94.5, -94.5, -58.5));

        RigidAlignment a = BodyAligner.Align(reference, BodyMask.Compute(reference, kernels), moving, BodyMask.Compute(moving, kernels), new AlignmentOptions());

        Assert.True((a.TranslationMm - shift).Length < 1.5, $"found {a.TranslationMm}, expected {shift}");
        Assert.True(a.Correlation > 0.9, $"correlation {a.Correlation}");
        Assert.Empty(a.Warnings);
        Assert.Equal(default, a.RotationDegrees); // not turned: the translation-only result stands
        Assert.Contains("not kept", a.Method, StringComparison.Ordinal);
    }

    [Fact]
    public void Align_SameVolume_ZeroTranslationPerfectCorrelation()
    {
        using var kernels = new ReferenceKernels();
        SuvVolume v = Torso(default, 0.3, 2, 8, new PatientVector(-94.5, -94.5, -70.5));
        var body = BodyMask.Compute(v, kernels);

        RigidAlignment a = BodyAligner.Align(v, body, v, body, new AlignmentOptions());

        Assert.True(a.TranslationMm.Length < 0.01, $"found {a.TranslationMm}");
        Assert.Equal(default, a.RotationDegrees);
        Assert.Equal(1, a.Correlation, 9);
    }

    [Fact]
    public void Align_ShiftBeyondSearchRange_WarnsOnBorder()
    {
        using var kernels = new ReferenceKernels();
        var shift = new PatientVector(0, 0, 30);
        SuvVolume reference = Torso(default, 0.3, 2, 8, new PatientVector(-94.5, -94.5, -70.5));
        SuvVolume moving = Torso(shift, 0.3, 2, 8, new PatientVector(-94.5, -94.5, -70.5));

        RigidAlignment a = BodyAligner.Align(reference, BodyMask.Compute(reference, kernels), moving, BodyMask.Compute(moving, kernels),
            new AlignmentOptions { SearchZMm = 16 });

        Assert.Contains(a.Warnings, w => w.Contains("border", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0, 0, 5)]
    [InlineData(4, 0, 0)]
    [InlineData(0, 4, 0)]
    [InlineData(2, -3, 4)]
    public void Align_TurnedTorsoOtherTracer_RecoversRotationAndMapsPoints(double aboutX, double aboutY, double aboutZ)
    {
        using var kernels = new ReferenceKernels();
        var degrees = new PatientVector(aboutX, aboutY, aboutZ);
        var shift = new PatientVector(3.1, -2.4, 4.2);
        var origin = new PatientVector(-94.5, -94.5, -70.5);
        SuvVolume reference = Torso(default, lung: 0.3, liver: 2, lesion: 8, origin);
        SuvVolume moving = TurnedTorso(degrees, shift, lung: 0.5, liver: 5, lesion: 1, origin);

        RigidAlignment a = BodyAligner.Align(reference, BodyMask.Compute(reference, kernels), moving, BodyMask.Compute(moving, kernels), new AlignmentOptions());
        TestContext.Current.TestOutputHelper?.WriteLine(a.Describe());

        Assert.True((a.RotationDegrees - degrees).Length < 0.5, $"found {a.RotationDegrees}, expected {degrees}");
        var rotation = RotationMatrix.FromDegrees(degrees);
        foreach (PatientVector p in (PatientVector[])[new(0, -20, 0), new(-25, 0, 20), new(25, 0, -25), new(50, 20, 40), new(-50, -20, -40)])
        {
            PatientVector expected = rotation.Apply(p) + shift;
            Assert.True((a.Map(p) - expected).Length < 1, $"{p} maps to {a.Map(p)}, expected {expected}");
        }
    }
}
