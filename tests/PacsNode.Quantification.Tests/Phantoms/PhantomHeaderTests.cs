using System.Buffers.Binary;
using System.Globalization;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO;
using PacsNode.Quantification.Phantoms;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Quantification.Tests.Phantoms;

/// <summary>What the written slices say: per-slice slopes, bed timing, and a CT that shows the PET's anatomy.</summary>
public sealed class PhantomHeaderTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static async Task<DicomDataset> SliceAsync(string folder, string prefix, int instance) =>
        (await DicomFile.OpenAsync(Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"{prefix}_{instance:D4}.dcm")), null, Token)).Dataset;

    private static short Pixel(DicomDataset slice, int x, int y)
    {
        Assert.True(slice.TryGetInt32(DicomTag.Columns, out int columns));
        var pixels = (DicomElement)slice.Get(DicomTag.PixelData)!;
        return BinaryPrimitives.ReadInt16LittleEndian(pixels.Buffer.Span[(2 * (x + (columns * y)))..]);
    }

    [Fact]
    public async Task PetSlices_OwnSlopeInterceptZero_StoredMaximumNear32000()
    {
        using var temp = new TempDirectory("phantom");
        PhantomResult result = await SmallPhantom.WriteAsync(SmallPhantom.Spec(PhantomTracer.Fdg) with { IncludeCt = false }, temp.FullPath);
        var slopes = new HashSet<string>(StringComparer.Ordinal);

        for (int instance = 1; instance <= 48; instance++)
        {
            DicomDataset slice = await SliceAsync(result.PetFolder, "PET", instance);
            string slope = slice.GetString(DicomTag.RescaleSlope)!;
            slopes.Add(slope);
            Assert.True(slope.Length <= 16, slope);
            Assert.Equal("0", slice.GetString(DicomTag.RescaleIntercept));
            var pixels = (DicomElement)slice.Get(DicomTag.PixelData)!;
            int max = 0;
            for (int n = 0; n < pixels.Buffer.Span.Length; n += 2)
            {
                max = Math.Max(max, BinaryPrimitives.ReadInt16LittleEndian(pixels.Buffer.Span[n..]));
            }

            // Slope = slice maximum / 32000 rounded to its DS string: the stored maximum is 32000 give or take rounding.
            Assert.InRange(max, 31990, 32010);
        }

        // Slices through a sphere and slices of background only have different maxima, so different slopes.
        Assert.True(slopes.Count > 3, string.Join(' ', slopes));
    }

    [Fact]
    public async Task PetSlices_BedsAcquiredFromTheFeetUp_FrameReferenceTimeIsTheAverageCountRateTime()
    {
        using var temp = new TempDirectory("phantom");
        PhantomResult result = await SmallPhantom.WriteAsync(SmallPhantom.Spec(PhantomTracer.Fdg) with { IncludeCt = false }, temp.FullPath);

        // 160 mm beds of 3 mm slices: 53 slices per bed, so all 48 slices are in bed 0; with 30 mm beds, 10 per bed.
        DicomDataset lowest = await SliceAsync(result.PetFolder, "PET", 48);
        Assert.Equal("100000.000000", lowest.GetString(DicomTag.AcquisitionTime));
        using var temp2 = new TempDirectory("phantom");
        PhantomResult beds = await SmallPhantom.WriteAsync(SmallPhantom.Spec(PhantomTracer.Fdg) with { IncludeCt = false, BedLengthMm = 30 }, temp2.FullPath);
        DicomDataset top = await SliceAsync(beds.PetFolder, "PET", 1); // slice z index 47: bed 4
        Assert.Equal("100800.000000", top.GetString(DicomTag.AcquisitionTime));

        // FDG, 120 s frame: λ = ln2/6586.2; t_avg = ln(λd / (1 − e^(−λd))) / λ ≈ d/2 − λd²/24 = 60 − 0.063 s, after 4 beds.
        double lambda = Math.Log(2) / 6586.2;
        double average = Math.Log(lambda * 120 / (1 - Math.Exp(-lambda * 120))) / lambda;
        Assert.InRange(average, 59.93, 59.94);
        Assert.True(top.TryGetDouble(DicomTag.FrameReferenceTime, out double frameReference));
        Assert.Equal((480 + average) * 1000, frameReference, 0.001);
        Assert.True(top.TryGetDouble(DicomTag.DecayFactor, out double decay));
        Assert.Equal(Math.Pow(2, (480 + average) / 6586.2), decay, 1e-8);
        Assert.Equal("120000", top.GetString(DicomTag.ActualFrameDuration));
    }

    [Fact]
    public async Task CtSlices_ShowThePetAnatomy_InHounsfieldUnits()
    {
        using var temp = new TempDirectory("phantom");
        PhantomSpec spec = SmallPhantom.Spec(PhantomTracer.Fdg);
        PhantomResult result = await SmallPhantom.WriteAsync(spec, temp.FullPath);
        Assert.Equal(48, result.CtFiles);
        Assert.Equal(2.0, result.Truth.CtPixelSpacingMm); // 64 × 4 mm over 128 pixels

        // CT pixel (i, j) has its centre at −127 + 2i mm; slice k at −70.5 + 3k mm (the PET's slice positions).
        static int Index(double mm) => (int)Math.Round((mm + 127) / 2);
        PhantomSphere sphere = spec.Spheres[0]; // (42, −30, 1.5): slice k = 24, instance 48 − 24 = 24
        DicomDataset slice = await SliceAsync(result.CtFolder!, "CT", 24);
        Assert.Equal("-127\\-127\\1.5", slice.GetString(DicomTag.ImagePositionPatient));
        Assert.Equal(40, Pixel(slice, Index(sphere.X), Index(sphere.Y)));
        Assert.Equal(-1000, Pixel(slice, 0, 0));

        // Liver (right upper abdomen, centre −38.4, 0, −6.2 on this grid) at z −7.5 (k = 21, instance 27): 60 HU;
        // the right lung (−48, 0, 30.9) at z 31.5 (k = 34, instance 14): −800 HU.
        Assert.Equal(60, Pixel(await SliceAsync(result.CtFolder!, "CT", 27), Index(-38.4), Index(0)));
        Assert.Equal(-800, Pixel(await SliceAsync(result.CtFolder!, "CT", 14), Index(-48), Index(0)));
        Assert.Equal(-38.4, spec.Liver.X, 1e-9);
    }

    [Fact]
    public async Task CtSubset_ZRangeAndSpacing_GiveThoseSlicesOnly()
    {
        using var temp = new TempDirectory("phantom");
        PhantomSpec spec = SmallPhantom.Spec(PhantomTracer.Fdg) with { CtZMinMm = -30, CtZMaxMm = 30, CtSliceSpacingMm = 1.5 };

        PhantomResult result = await SmallPhantom.WriteAsync(spec, temp.FullPath);

        // −30 to 30 mm every 1.5 mm: 41 slices; instance 41 is the lowest.
        Assert.Equal(41, result.CtFiles);
        Assert.Equal(41, Directory.GetFiles(result.CtFolder!).Length);
        Assert.Equal("-127\\-127\\-30", (await SliceAsync(result.CtFolder!, "CT", 41)).GetString(DicomTag.ImagePositionPatient));
        Assert.Equal("-127\\-127\\30", (await SliceAsync(result.CtFolder!, "CT", 1)).GetString(DicomTag.ImagePositionPatient));
        Assert.Equal("1.5", (await SliceAsync(result.CtFolder!, "CT", 1)).GetString(DicomTag.SliceThickness));
        Assert.Throws<ArgumentException>(() => (spec with { CtZMinMm = 30, CtZMaxMm = -30 }).Validate());
    }
}
