using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO;
using PacsNode.Quantification.Phantoms;
using PacsNode.Quantification.Suv;
using PacsNode.Quantification.Volume;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Quantification.Tests.Phantoms;

/// <summary>A written phantom read back by the node's own SUV calculator and volume builder agrees with its truth.</summary>
public sealed class PhantomRoundTripTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static async Task<List<DicomFile>> ReadAsync(string folder)
    {
        var files = new List<DicomFile>();
        foreach (string path in Directory.GetFiles(folder, "*.dcm").Order(StringComparer.Ordinal))
        {
            files.Add(await DicomFile.OpenAsync(path, null, Token));
        }

        return files;
    }

    [Fact]
    public async Task Fdg_HeadersGiveTheTruthFactor_AndTheHandComputedOne()
    {
        using var temp = new TempDirectory("phantom");
        PhantomResult result = await SmallPhantom.WriteAsync(SmallPhantom.Spec(PhantomTracer.Fdg), temp.FullPath);
        List<DicomFile> files = await ReadAsync(result.PetFolder);

        SuvResult suv = SuvCalculator.Calculate([.. files.Select(f => f.Dataset)]);

        Assert.True(suv.IsSuccess, suv.ToString());
        Assert.Equal(48, files.Count);
        // 70 kg, 250 MBq injected 09:00, series 10:00: 70000 g / (250e6 Bq × 2^(−3600 / 6586.2)).
        double hand = 70_000 / (250e6 * Math.Pow(2, -3600 / 6586.2));
        Assert.Equal(hand, result.Truth.SuvBwFactor, hand * 1e-12);
        Assert.Equal(hand, suv.Factors!.SeriesFactorBw!.Value, hand * 1e-6);
        Assert.Equal(ReferenceTimeSource.SeriesDateTime, suv.Factors.Provenance.ReferenceTimeSource);
        Assert.Empty(suv.Factors.Provenance.Warnings);
    }

    [Fact]
    public async Task Zr89_InjectedFourDaysEarlier_FactorMatchesHandComputation()
    {
        using var temp = new TempDirectory("phantom");
        PhantomResult result = await SmallPhantom.WriteAsync(SmallPhantom.Spec(PhantomTracer.Zr89), temp.FullPath);
        List<DicomFile> files = await ReadAsync(result.PetFolder);

        SuvResult suv = SuvCalculator.Calculate([.. files.Select(f => f.Dataset)]);

        Assert.True(suv.IsSuccess, suv.ToString());
        DicomDataset item = files[0].Dataset.GetSequence(DicomTag.RadiopharmaceuticalInformationSequence)!.Items[0];
        Assert.Equal("20250306100000.000000", item.GetString(DicomTag.RadiopharmaceuticalStartDateTime));
        Assert.Equal("20250310", files[0].Dataset.GetString(DicomTag.SeriesDate));
        Assert.Equal("63360001", item.GetSequence(DicomTag.RadionuclideCodeSequence)!.Items[0].GetString(DicomTag.CodeValue));
        Assert.Equal(new DateTime(2025, 3, 6, 10, 0, 0), suv.Factors!.Provenance.InjectionTime);
        Assert.Equal("Zr-89", suv.Factors.Provenance.Nuclide);
        // Four days = 345600 s of 89Zr (T½ 282276 s): 70000 / (37e6 × 2^(−345600 / 282276)) ≈ 0.0044204.
        double hand = 70_000 / (37e6 * Math.Pow(2, -345600.0 / 282276));
        Assert.Equal(0.0044204, hand, 1e-7);
        Assert.Equal(hand, result.Truth.SuvBwFactor, hand * 1e-12);
        Assert.Equal(hand, suv.Factors.SeriesFactorBw!.Value, hand * 1e-6);
    }

    [Fact]
    public async Task SuvVolumeBuilder_SphereCentresAndMaxima_EqualTruth()
    {
        using var temp = new TempDirectory("phantom");
        PhantomResult result = await SmallPhantom.WriteAsync(SmallPhantom.Spec(PhantomTracer.Fdg), temp.FullPath);
        List<DicomFile> files = await ReadAsync(result.PetFolder);
        SuvResult suv = SuvCalculator.Calculate([.. files.Select(f => f.Dataset)]);

        VolumeResult<SuvVolume> built = await SuvVolumeBuilder.BuildAsync(files, suv.Factors!, SuvNormalisation.BodyWeight, Token);

        Assert.True(built.IsSuccess, built.ToString());
        SuvVolume volume = built.Value;
        foreach (PhantomSphereTruth sphere in result.Truth.Spheres)
        {
            PhantomVoxel c = sphere.CentreVoxel, m = sphere.MaxVoxel;
            Assert.Equal(sphere.CentreSuv, volume[c.X, c.Y, c.Z], sphere.CentreSuv * 1e-6);
            Assert.Equal(sphere.SuvMax, volume[m.X, m.Y, m.Z], sphere.SuvMax * 1e-6);

            // Noise-free and unsmoothed: every sphere voxel holds the nominal SUV up to the int16 quantisation (the
            // slope is the slice maximum / 32000, so half a step is at most 1/64000 of the slice maximum of 15).
            Assert.Equal(sphere.Sphere.Suv, sphere.CentreSuv, 15.0 / 64000);
            Assert.Equal(sphere.Sphere.Suv, sphere.SuvMean, 15.0 / 64000);

            // The geometry agrees: the voxel the truth calls the centre is where the builder's geometry puts it.
            PatientVector p = volume.Geometry.VoxelToPatient(c.X, c.Y, c.Z);
            Assert.True(Math.Abs(p.X - sphere.Sphere.X) <= 2 && Math.Abs(p.Y - sphere.Sphere.Y) <= 2 && Math.Abs(p.Z - sphere.Sphere.Z) <= 1.5, p.ToString());
        }

        // Liver: nominal 2.0 everywhere it is liver. On this small grid the liver is only 27 mm thick, so its 3 cm
        // reference sphere reaches into the background of SUV 1.
        Assert.Equal(2.0, result.Truth.Liver.SuvMean, 1e-3);
        Assert.InRange(result.Truth.Liver.Sphere3CmSuvMean, 1.5, 1.99);
    }

    [Fact]
    public async Task SphereOnVoxelCentre_MtvIsTheLatticeCountOfTheBall()
    {
        using var temp = new TempDirectory("phantom");
        PhantomResult result = await SmallPhantom.WriteAsync(SmallPhantom.Spec(PhantomTracer.Fdg) with { IncludeCt = false }, temp.FullPath);

        // Sphere 1 (20 mm, centred on a voxel centre): lattice points (4a, 4b, 3c) with 16a² + 16b² + 9c² ≤ 100.
        // By hand per c: c=0: a²+b² ≤ 6.25 → 21; c=±1: ≤ 5.6875 → 21; c=±2: ≤ 4 → 13; c=±3: ≤ 1.1875 → 5 (×2 each side).
        int count = 21 + (2 * 21) + (2 * 13) + (2 * 5);
        PhantomSphereTruth sphere = result.Truth.Spheres[0];
        Assert.Equal(count, sphere.VoxelCount);
        Assert.Equal(count * 0.048, sphere.MtvMl, 1e-9);

        // SUVpeak: the 1 cm³ sphere around the centre lies wholly inside the 20 mm sphere, so it is the nominal SUV.
        Assert.Equal(8.0, sphere.SuvPeak, 8.0 / 32000);
    }

    [Fact]
    public async Task Noise_SameSeedSamePixels_OtherSeedOtherPixels_AndLiverCovMatchesLevel()
    {
        PhantomSpec spec = SmallPhantom.Spec(PhantomTracer.Fdg) with { IncludeCt = false, NoiseLevel = 0.15, Seed = 7 };
        using var a = new TempDirectory("phantom");
        using var b = new TempDirectory("phantom");
        using var c = new TempDirectory("phantom");
        await SmallPhantom.WriteAsync(spec, a.FullPath);
        await SmallPhantom.WriteAsync(spec, b.FullPath);
        await SmallPhantom.WriteAsync(spec with { Seed = 8 }, c.FullPath);

        byte[] Pixels(TempDirectory t, string name) =>
            DicomFile.Parse(File.ReadAllBytes(t.Combine("PET", name))).Dataset.Get(DicomTag.PixelData) is DicomElement e ? e.Buffer.Span.ToArray() : [];

        Assert.Equal(Pixels(a, "PET_0024.dcm"), Pixels(b, "PET_0024.dcm"));
        Assert.NotEqual(Pixels(a, "PET_0024.dcm"), Pixels(c, "PET_0024.dcm"));

        // Multiplicative noise of SD 15%: over the liver's voxels the coefficient of variation is about 0.15.
        List<DicomFile> files = await ReadAsync(Path.Combine(a.FullPath, "PET"));
        SuvResult suv = SuvCalculator.Calculate([.. files.Select(f => f.Dataset)]);
        VolumeResult<SuvVolume> built = await SuvVolumeBuilder.BuildAsync(files, suv.Factors!, SuvNormalisation.BodyWeight, Token);
        var anatomy = new PhantomAnatomy(spec);
        var liver = new List<double>();
        Assert.True(built.IsSuccess, built.ToString());
        SuvVolume v = built.Value!;
        for (int z = 0; z < 48; z++)
        {
            for (int y = 0; y < 64; y++)
            {
                for (int x = 0; x < 64; x++)
                {
                    PatientVector p = v.Geometry.VoxelToPatient(x, y, z);
                    if (anatomy.Classify(p.X, p.Y, p.Z).Region == PhantomRegion.Liver)
                    {
                        liver.Add(v[x, y, z]);
                    }
                }
            }
        }

        double mean = liver.Average();
        double sd = Math.Sqrt(liver.Sum(s => (s - mean) * (s - mean)) / (liver.Count - 1));
        Assert.True(liver.Count > 500, liver.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(2.0, mean, 0.05);
        Assert.Equal(0.15, sd / mean, 0.015);
    }

    [Fact]
    public async Task Smoothing_LowersSmallSphereMaxFarMoreThanLargeSpheres()
    {
        PhantomSpec sharp = SmallPhantom.Spec(PhantomTracer.Fdg) with { IncludeCt = false };
        using var a = new TempDirectory("phantom");
        using var b = new TempDirectory("phantom");
        PhantomResult plain = await SmallPhantom.WriteAsync(sharp, a.FullPath);
        PhantomResult smooth = await SmallPhantom.WriteAsync(sharp with { SmoothingFwhmMm = 8 }, b.FullPath);

        // The 8 mm sphere loses most of its peak to an 8 mm FWHM blur; the 20 mm one keeps most of it.
        Assert.True(smooth.Truth.Spheres[3].SuvMax < 0.6 * plain.Truth.Spheres[3].SuvMax, smooth.Truth.Spheres[3].ToString());
        Assert.True(smooth.Truth.Spheres[0].SuvMax > 0.9 * plain.Truth.Spheres[0].SuvMax, smooth.Truth.Spheres[0].ToString());
    }
}
