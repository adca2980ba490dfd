using PacsNode.Quantification.Phantoms;
using Xunit;

namespace PacsNode.Quantification.Tests.Phantoms;

/// <summary>The default anatomy is what the liver search and the lesion tests rely on.</summary>
public sealed class PhantomSpecTests
{
    [Theory]
    [InlineData(PhantomTracer.Fdg, 200, 400)]
    [InlineData(PhantomTracer.Zr89, 200, 400)]
    [InlineData(PhantomTracer.Fdg, 64, 48)]
    public void Create_DefaultAnatomy_LiverBelowRightLung_SpheresInsideBodyAndGrid(PhantomTracer tracer, int matrix, int slices)
    {
        var spec = PhantomSpec.Create(tracer, matrix, matrix, slices);

        spec.Validate();
        Assert.Equal(6, spec.Spheres.Count);
        Assert.InRange(spec.Spheres.Min(s => s.DiameterMm), 10, 10);
        Assert.InRange(spec.Spheres.Max(s => s.DiameterMm), 30, 30);

        // LPS: patient right is −x. The liver sits on the right, its top at or below the right lung's bottom.
        Assert.True(spec.Liver.X < 0 && spec.RightLung.X < 0 && spec.LeftLung.X > 0);
        Assert.True(spec.Liver.Z + spec.Liver.SemiAxisZ <= spec.RightLung.Z - spec.RightLung.SemiAxisZ + 1e-9);
        double halfX = matrix * spec.PixelSpacingMm / 2, halfZ = slices * spec.SliceSpacingMm / 2;
        Assert.True(spec.BodySemiAxisXMm < halfX);
        foreach (PhantomSphere s in spec.Spheres)
        {
            Assert.True(Math.Pow(s.X / spec.BodySemiAxisXMm, 2) + Math.Pow(s.Y / spec.BodySemiAxisYMm, 2) < 1, s.ToString());
            Assert.InRange(s.Z, -halfZ, halfZ);
        }
    }

    [Fact]
    public void Tracers_HalfLivesAndTiming_AsDomainSays()
    {
        var fdg = PhantomSpec.Create(PhantomTracer.Fdg);
        var zr = PhantomSpec.Create(PhantomTracer.Zr89);

        Assert.Equal(6586.2, fdg.HalfLifeSeconds);
        Assert.Equal(282276, zr.HalfLifeSeconds);
        Assert.Equal(TimeSpan.FromMinutes(60), fdg.ScanStart - fdg.InjectionTime);
        Assert.Equal(TimeSpan.FromDays(4), zr.ScanStart - zr.InjectionTime);
        Assert.Equal(37e6, zr.InjectedDoseBq);
    }

    [Fact]
    public void Validate_ScanBeforeInjection_Refused()
    {
        var spec = PhantomSpec.Create(PhantomTracer.Fdg);

        var error = Assert.Throws<ArgumentException>(() => (spec with { ScanStart = spec.InjectionTime.AddMinutes(-1) }).Validate());
        Assert.Contains("before the injection", error.Message, StringComparison.Ordinal);
    }
}
