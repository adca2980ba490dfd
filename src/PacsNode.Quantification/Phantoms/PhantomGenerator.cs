using System.Diagnostics;
using System.Globalization;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.IO;

namespace PacsNode.Quantification.Phantoms;

/// <summary>
/// Writes a synthetic PET/CT study with analytic ground truth: <c>FOLDER/PET/PET_nnnn.dcm</c>,
/// <c>FOLDER/CT/CT_nnnn.dcm</c> (explicit VR little endian, nnnn = InstanceNumber, 1 at the top) and
/// <c>FOLDER/truth.json</c>. The activity is SUV × decayed dose / weight (Bq/ml), optionally smoothed and noised, each
/// slice quantised to int16 with its own slope; the truth is computed from the quantised voxels.
/// </summary>
public static class PhantomGenerator
{
    public const string PetFolder = "PET";
    public const string CtFolder = "CT";
    public const string TruthFile = "truth.json";

    public static async Task<PhantomResult> GenerateAsync(PhantomSpec spec, string folder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(folder);
        spec.Validate();
        var uids = PhantomUids.Create();
        var grid = PhantomGrid.Pet(spec);
        var timing = new PhantomTiming(spec);

        var watch = Stopwatch.StartNew();
        float[] activity = PhantomActivity.Build(spec, grid, timing);
        double activitySeconds = Lap(watch);
        (short[] stored, double[] slopes) = PhantomQuantiser.Quantise(activity, grid);
        double quantiseSeconds = Lap(watch);

        var calculator = new PhantomTruthCalculator(grid, stored, slopes, timing.SuvBwFactor);
        PhantomGrid? ctGrid = spec.IncludeCt ? PhantomGrid.Ct(spec) : null;
        var truth = new PhantomTruth(
            spec, timing.SuvBwFactor, timing.DecayedDoseBq, timing.UptakeSeconds, uids.Study, uids.PetSeries,
            spec.IncludeCt ? uids.CtSeries : null, uids.FrameOfReference, (grid.OriginX, grid.OriginY, grid.OriginZ),
            ctGrid?.Slices ?? 0, ctGrid?.PixelSpacing ?? 0,
            [.. spec.Spheres.Select((s, i) => calculator.Sphere(i + 1, s))], calculator.Liver(spec));
        double truthSeconds = Lap(watch);

        string petFolder = Path.Combine(folder, PetFolder);
        Directory.CreateDirectory(petFolder);
        await WriteSlicesAsync(petFolder, "PET", grid.Slices, k => PhantomPetSlice.Build(
            spec, uids, grid, timing, k, stored.AsSpan(k * grid.PlaneSize, grid.PlaneSize), slopes[k]), cancellationToken).ConfigureAwait(false);
        double petSeconds = Lap(watch);

        string? ctFolder = null;
        if (ctGrid is not null)
        {
            ctFolder = Path.Combine(folder, CtFolder);
            Directory.CreateDirectory(ctFolder);
            var anatomy = new PhantomAnatomy(spec);
            await WriteSlicesAsync(ctFolder, "CT", ctGrid.Slices, k => PhantomCtSlice.Build(spec, uids, ctGrid, anatomy, k),
                cancellationToken).ConfigureAwait(false);
        }

        double ctSeconds = Lap(watch);
        string truthPath = Path.Combine(folder, TruthFile);
        await File.WriteAllBytesAsync(truthPath, PhantomTruthJson.Serialize(truth), cancellationToken).ConfigureAwait(false);
        return new PhantomResult(folder, petFolder, ctFolder, grid.Slices, ctGrid?.Slices ?? 0, truthPath, truth,
            new PhantomTimings(activitySeconds, quantiseSeconds, truthSeconds, petSeconds, ctSeconds));
    }

    private static async Task WriteSlicesAsync(string folder, string prefix, int count, Func<int, DicomDataset> build, CancellationToken cancellationToken)
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, count), options, async (k, ct) =>
        {
            var file = new DicomFile(new DicomDataset(), build(k), DicomTransferSyntax.ExplicitVRLittleEndian);
            string name = string.Create(CultureInfo.InvariantCulture, $"{prefix}_{count - k:D4}.dcm");
            var stream = new FileStream(Path.Combine(folder, name), FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
            await using (stream.ConfigureAwait(false))
            {
                await file.WriteAsync(stream, null, ct).ConfigureAwait(false);
            }
        }).ConfigureAwait(false);
    }

    private static double Lap(Stopwatch watch)
    {
        double seconds = watch.Elapsed.TotalSeconds;
        watch.Restart();
        return seconds;
    }
}
