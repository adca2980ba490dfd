using PacsNode.Dicom.IO;
using PacsNode.Quantification.Kernels;
using PacsNode.Quantification.Lesions;
using PacsNode.Quantification.Phantoms;
using PacsNode.Quantification.Tests.Support;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Quantification.Tests.Lesions;

/// <summary>
/// Issue 4's phantom acceptance: on generated FDG and 89Zr phantoms, automatic detection finds every sphere whose
/// truth SUVpeak is above the reported detection threshold; SUVmax is the stored maximum; SUVpeak, MTV and SUVmean
/// agree within 1% with the test's own plain implementation (<see cref="PhantomSuvVolume"/>). LesionDetector does not
/// refuse a non-FDG tracer (only TLG depends on it), so 89Zr goes through the same automatic detection; its liver of
/// SUV 5 raises the PERCIST threshold to about 7.5 (8.4 with noise), so only the three hotter spheres are expected.
/// </summary>
public sealed class PhantomQuantifyTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>128×128×160 at 4×3 mm (full-width body, anatomy shrunk along z); spheres of 16–30 mm clear of the liver.</summary>
    internal static PhantomSpec Spec(PhantomTracer tracer, bool noisy)
    {
        bool zr = tracer == PhantomTracer.Zr89;
        double[] suvs = zr ? [14, 12, 4, 15, 3] : [6, 8, 5, 10, 2.2];
        PhantomSpec spec = PhantomSpec.Create(tracer, 128, 128, 160) with
        {
            IncludeCt = false,
            Spheres =
            [
                new PhantomSphere(-75, 0, 110, 16, suvs[0]), // right lung nodule
                new PhantomSphere(0, -40, 100, 20, suvs[1]), // mediastinum
                new PhantomSphere(60, -60, -120, 30, suvs[2]),
                new PhantomSphere(-60, 40, -160, 24, suvs[3]),
                new PhantomSphere(90, 40, 0, 18, suvs[4]), // FDG: below the threshold of about 3
            ],
        };
        return noisy ? spec with { NoiseLevel = 0.1, SmoothingFwhmMm = 6, Seed = 11 } : spec;
    }

    internal static async Task<(PhantomResult Phantom, IReadOnlyList<DicomFile> Files)> WriteAsync(PhantomSpec spec, TempDirectory temp)
    {
        PhantomResult phantom = await PhantomGenerator.GenerateAsync(spec, temp.FullPath, Token);
        return (phantom, await SeriesLoader.ReadFolderAsync(phantom.PetFolder, null, Token));
    }

    [Theory]
    [InlineData(PhantomTracer.Fdg, false)]
    [InlineData(PhantomTracer.Fdg, true)]
    [InlineData(PhantomTracer.Zr89, false)]
    [InlineData(PhantomTracer.Zr89, true)]
    public async Task AutomaticDetection_Phantom_FindsEverySphereAboveThreshold_MetricsMatchPlainImplementation(PhantomTracer tracer, bool noisy)
    {
        using var temp = new TempDirectory("phquant");
        (PhantomResult phantom, IReadOnlyList<DicomFile> files) = await WriteAsync(Spec(tracer, noisy), temp);
        using var kernels = new ReferenceKernels();

        QuantifyResult result = await new PetQuantifier(kernels).QuantifyAsync(files, new QuantifyRequest(), Token);

        Assert.True(result.IsSuccess, result.Failure?.Message);
        Assert.NotNull(result.Detection);
        Assert.Equal(tracer == PhantomTracer.Fdg, result.GlucoseTracer);
        double threshold = result.Detection.Threshold.Suv;
        var plain = PhantomSuvVolume.Decode(files, result.Factors.SeriesFactorBw!.Value);
        int expected = 0;
        foreach (PhantomSphereTruth sphere in phantom.Truth.Spheres)
        {
            LesionCandidate? found = result.Detection.Lesions.SingleOrDefault(c => Inside(c, sphere, plain));
            if (sphere.SuvPeak <= threshold)
            {
                continue;
            }

            expected++;
            Assert.True(found is not null, $"sphere {sphere.Number} (SUVpeak {sphere.SuvPeak:0.###} > threshold {threshold:0.###}) not found; candidates: "
                + string.Join("; ", result.Detection.Candidates.Select(c => $"{c.Id} {c.SeedVoxel} {c.SeedSuv:0.##} {c.Rejection}")));
            var metrics = found.Metrics!;
            (float suvMax, int maxIndex, double mtv, double mean, double peak) = plain.Measure(plain.Index(found.SeedVoxel.X, found.SeedVoxel.Y, found.SeedVoxel.Z));

            // SUVmax: the stored maximum, the very float the plain decoding gives, at the same voxel.
            Assert.Equal(suvMax, (float)metrics.SuvMax);
            Assert.Equal(plain.Coordinates(maxIndex), metrics.SuvMaxVoxel);
            if (!noisy)
            {
                // Noise-free and sharp: the maximum is the truth's (same voxel, same value up to the header factor's
                // float rounding), and the 41% VOI is exactly the sphere's mask.
                Assert.Equal((sphere.MaxVoxel.X, sphere.MaxVoxel.Y, sphere.MaxVoxel.Z), metrics.SuvMaxVoxel);
                Assert.Equal((float)sphere.SuvMax, (float)metrics.SuvMax);
                Assert.Equal(sphere.VoxelCount, metrics.VoxelCount);
                Assert.Equal(sphere.SuvPeak, metrics.SuvPeak, sphere.SuvPeak * 1e-5);
            }

            Assert.Equal(mtv, metrics.MtvMl, mtv * 0.01);
            Assert.Equal(mean, metrics.SuvMean, mean * 0.01);
            Assert.Equal(peak, metrics.SuvPeak, peak * 0.01);
        }

        Assert.True(expected >= (tracer == PhantomTracer.Fdg ? 4 : 3), $"only {expected} spheres above the threshold {threshold:0.###}");
    }

    /// <summary>The candidate's maximum lies in the sphere (its centre within the radius plus one voxel diagonal).</summary>
    private static bool Inside(LesionCandidate candidate, PhantomSphereTruth sphere, PhantomSuvVolume volume)
    {
        double dx = candidate.SeedMm.X - sphere.Sphere.X, dy = candidate.SeedMm.Y - sphere.Sphere.Y, dz = candidate.SeedMm.Z - sphere.Sphere.Z;
        double slack = Math.Sqrt((2 * volume.PixelMm * volume.PixelMm) + (volume.SliceMm * volume.SliceMm)) / 2;
        return Math.Sqrt((dx * dx) + (dy * dy) + (dz * dz)) <= (sphere.Sphere.DiameterMm / 2) + slack;
    }
}
