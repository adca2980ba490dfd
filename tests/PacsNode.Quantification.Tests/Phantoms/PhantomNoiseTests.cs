using PacsNode.Dicom.IO;
using PacsNode.Quantification.Phantoms;
using PacsNode.Quantification.Suv;
using PacsNode.Quantification.Volume;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Quantification.Tests.Phantoms;

/// <summary>White noise after the smoothing versus noise smoothed with the activity (correlated texture).</summary>
public sealed class PhantomNoiseTests
{
    /// <summary>A uniform body of SUV 1 (lungs and liver at 1 too, no spheres), 20% noise, 8 mm FWHM.</summary>
    private static PhantomSpec Uniform(bool noiseFirst) => SmallPhantom.Spec(PhantomTracer.Fdg) with
    {
        IncludeCt = false,
        Spheres = [],
        LiverSuv = 1,
        LungSuv = 1,
        NoiseLevel = 0.2,
        SmoothingFwhmMm = 8,
        NoiseBeforeSmoothing = noiseFirst,
    };

    /// <summary>CoV and lag-1 correlation along x of the voxels within 40 mm of the axis, slices 8..39.</summary>
    private static async Task<(double Cov, double Correlation)> TextureAsync(PhantomSpec spec)
    {
        using var temp = new TempDirectory("phantom");
        PhantomResult result = await SmallPhantom.WriteAsync(spec, temp.FullPath);
        var files = new List<DicomFile>();
        foreach (string path in Directory.GetFiles(result.PetFolder))
        {
            files.Add(await DicomFile.OpenAsync(path, null, TestContext.Current.CancellationToken));
        }

        SuvResult suv = SuvCalculator.Calculate([.. files.Select(f => f.Dataset)]);
        VolumeResult<SuvVolume> built = await SuvVolumeBuilder.BuildAsync(files, suv.Factors!, SuvNormalisation.BodyWeight, TestContext.Current.CancellationToken);
        Assert.True(built.IsSuccess, built.ToString());
        SuvVolume v = built.Value!;
        var a = new List<double>();
        var b = new List<double>();
        for (int z = 8; z < 40; z++)
        {
            for (int y = 22; y < 42; y++)
            {
                for (int x = 22; x < 41; x++)
                {
                    a.Add(v[x, y, z]);
                    b.Add(v[x + 1, y, z]);
                }
            }
        }

        double ma = a.Average(), mb = b.Average();
        double cov = a.Zip(b, (p, q) => (p - ma) * (q - mb)).Sum();
        double va = a.Sum(p => (p - ma) * (p - ma)), vb = b.Sum(q => (q - mb) * (q - mb));
        return (Math.Sqrt(va / (a.Count - 1)) / ma, cov / Math.Sqrt(va * vb));
    }

    [Fact]
    public async Task NoiseAfterSmoothing_IsWhiteWithTheNominalCov()
    {
        (double cov, double correlation) = await TextureAsync(Uniform(noiseFirst: false));

        Assert.Equal(0.2, cov, 0.02);
        Assert.InRange(correlation, -0.1, 0.1);
    }

    [Fact]
    public async Task NoiseBeforeSmoothing_IsCorrelatedAndWeaker()
    {
        (double cov, double correlation) = await TextureAsync(Uniform(noiseFirst: true));

        // 8 mm FWHM: σ = 3.4 mm = 0.85 voxels in x, so the lag-1 correlation of smoothed white noise is
        // exp(−1 / (4σ²)) ≈ 0.71, and its SD is 0.2 × √(Σk²) over the 3-D kernel ≈ 0.2 × 0.165 ≈ 0.033.
        Assert.InRange(correlation, 0.6, 0.8);
        Assert.InRange(cov, 0.02, 0.05);
    }
}
