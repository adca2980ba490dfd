using System.Diagnostics;
using System.Globalization;
using System.Text;
using PacsNode.Quantification.Kernels;

namespace PacsNode.Benchmarks;

/// <summary>
/// Each volume kernel on a whole-body-sized PET volume (200×200×400, 3.65×3.65×3.27 mm): SUV-like background inside
/// an elliptic body, a liver, and a few hot spheres. Every backend runs the same calls; medians over rounds after a
/// warm-up (the reference's shell sum, which scans the whole volume, is timed once). Outputs are checked against the
/// reference before timing, so a fast wrong backend cannot pass.
/// </summary>
internal static class KernelBenchmark
{
    private static readonly VolumeShape Shape = new(200, 200, 400, 3.65, 3.65, 3.27);

    public static int Run(int rounds, IReadOnlyList<AcceleratorChoice> choices)
    {
        (short[] stored, float[] factors) = Phantom();
        float[] suv = new float[Shape.VoxelCount];
        using (var reference = new ReferenceKernels())
        {
            reference.SuvMap(stored, true, factors, Shape, suv);
        }

        var table = new StringBuilder();
        table.AppendLine(CultureInfo.InvariantCulture,
            $"Volume {Shape.Columns}×{Shape.Rows}×{Shape.Slices} ({Shape.VoxelCount / 1e6:F1} M voxels), {Environment.ProcessorCount} cores, median of {rounds} rounds, seconds.");
        table.AppendLine();
        table.AppendLine("| kernel | work | " + string.Join(" | ", choices.Select(AcceleratorChoiceText.Format)) + " |");
        table.AppendLine("|---|---|" + string.Concat(choices.Select(_ => "---|")));
        var rows = new List<(string Kernel, string Work, List<string> Times)>();
        var backends = new List<string>();
        foreach (AcceleratorChoice choice in choices)
        {
            var created = Stopwatch.StartNew();
            using IVolumeKernels kernels = KernelFactory.Create(choice);
            backends.Add($"{AcceleratorChoiceText.Format(choice)} = {kernels.Backend} (created in {created.Elapsed.TotalSeconds:F2} s)");
            List<(string Kernel, string Work, double Seconds)> times = Measure(kernels, stored, factors, suv, rounds);
            for (int r = 0; r < times.Count; r++)
            {
                if (rows.Count <= r)
                {
                    rows.Add((times[r].Kernel, times[r].Work, []));
                }

                rows[r].Times.Add(times[r].Seconds.ToString("F3", CultureInfo.InvariantCulture));
            }
        }

        foreach ((string kernel, string work, List<string> cells) in rows)
        {
            table.AppendLine(CultureInfo.InvariantCulture, $"| {kernel} | {work} | {string.Join(" | ", cells)} |");
        }

        table.AppendLine();
        foreach (string backend in backends)
        {
            table.AppendLine(CultureInfo.InvariantCulture, $"- {backend}");
        }

        Console.WriteLine(table.ToString());
        return 0;
    }

    private static List<(string, string, double)> Measure(IVolumeKernels kernels, short[] stored, float[] factors, float[] suv, int rounds)
    {
        using var truth = new ReferenceKernels();
        var result = new List<(string, string, double)>();
        float[] map = new float[suv.Length];
        result.Add(("SuvMap", "all voxels", Timing.Median(rounds, () => kernels.SuvMap(stored, true, factors, Shape, map))));
        Require(map.AsSpan().SequenceEqual(suv), kernels, "SuvMap");

        int[] bodyLabels = new int[suv.Length];
        int[] hotLabels = new int[suv.Length];
        int bodyCount = 0, hotCount = 0;
        result.Add(("LabelComponents", "threshold 0.5 (body)", Timing.Median(rounds, () => bodyCount = kernels.LabelComponents(suv, Shape, 0.5f, bodyLabels))));
        result.Add(("LabelComponents", "threshold 2.5 (lesions)", Timing.Median(rounds, () => hotCount = kernels.LabelComponents(suv, Shape, 2.5f, hotLabels))));
        int[] check = new int[suv.Length];
        Require(truth.LabelComponents(suv, Shape, 0.5f, check) == bodyCount && check.AsSpan().SequenceEqual(bodyLabels), kernels, "labels");

        LabelStatistics[] stats = [];
        result.Add(("Statistics", $"{bodyCount} labels of the body labelling", Timing.Median(rounds, () => stats = kernels.Statistics(suv, bodyLabels, bodyCount))));
        LabelStatistics[] expected = truth.Statistics(suv, bodyLabels, bodyCount);
        Require(stats.Select(s => (s.Count, s.MaxIndex)).SequenceEqual(expected.Select(s => (s.Count, s.MaxIndex))), kernels, "statistics");

        int[] candidates = Enumerable.Range(0, suv.Length).Where(i => hotLabels[i] != 0).ToArray();
        float[] peaks = new float[candidates.Length];
        result.Add(("SphereStatistics", $"SUVpeak r 6.2035 mm, {candidates.Length} centres (≥ 2.5)", Timing.Median(rounds, () => kernels.SphereStatistics(suv, Shape, 6.2035, candidates, peaks, []))));

        int[] warm = Enumerable.Range(0, suv.Length).Where(i => suv[i] >= 1.5f).ToArray();
        float[] warmPeaks = new float[warm.Length];
        result.Add(("SphereStatistics", $"SUVpeak r 6.2035 mm, {warm.Length} centres (≥ 1.5, liver included)", Timing.Median(rounds, () => kernels.SphereStatistics(suv, Shape, 6.2035, warm, warmPeaks, []))));
        float[] warmExpected = new float[warm.Length];
        truth.SphereStatistics(suv, Shape, 6.2035, warm, warmExpected, []);
        Require(warmExpected.Zip(warmPeaks).All(p => Math.Abs(p.First - p.Second) <= 1e-6f * Math.Abs(p.First)), kernels, "SUVpeak");

        int[] liver = LiverCentres();
        float[] means = new float[liver.Length], sds = new float[liver.Length];
        result.Add(("SphereStatistics", $"liver search r 15 mm, {liver.Length} centres", Timing.Median(rounds, () => kernels.SphereStatistics(suv, Shape, 15, liver, means, sds))));

        LabelStatistics largest = stats.MaxBy(s => s.Count);
        int lesion = hotLabels[largest.MaxIndex] != 0 ? hotLabels[largest.MaxIndex] : 1;
        byte[] voi = hotLabels.Select(l => (byte)(l == lesion ? 1 : 0)).ToArray();
        byte[] body = suv.Select(v => (byte)(v > 0.1f ? 1 : 0)).ToArray();
        (double Sum, long Count) shell = default;
        Action shellCall = () => shell = kernels.ShellSum(suv, voi, body, Shape, 10, 20);
        double shellSeconds = kernels is ReferenceKernels ? Once(shellCall) : Timing.Median(rounds, shellCall);
        result.Add(("ShellSum", $"10–20 mm around a {voi.Count(b => b != 0)}-voxel lesion", shellSeconds));
        Require(shell.Count > 0, kernels, "shell");
        return result;
    }

    private static double Once(Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed.TotalSeconds;
    }

    private static void Require(bool condition, IVolumeKernels kernels, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"{kernels.Backend} disagrees with the reference on {what}.");
        }
    }

    /// <summary>Every second voxel of a 30×30×20 box in the right upper abdomen.</summary>
    private static int[] LiverCentres()
    {
        var centres = new List<int>();
        for (int z = 250; z < 270; z += 2)
        {
            for (int y = 80; y < 110; y += 2)
            {
                for (int x = 50; x < 80; x += 2)
                {
                    centres.Add(Shape.Index(x, y, z));
                }
            }
        }

        return [.. centres];
    }

    /// <summary>Stored int16 values with a per-slice slope, as a PET series holds them.</summary>
    private static (short[] Stored, float[] Factors) Phantom()
    {
        var random = new Random(1);
        float[] value = new float[Shape.VoxelCount];
        (double X, double Y, double Z, double R, double Suv)[] hot =
        [
            (100, 90, 300, 4, 12), (120, 110, 200, 6, 8), (70, 120, 120, 3, 6), (130, 80, 330, 5, 15), (90, 100, 60, 2, 5),
        ];
        for (int z = 0; z < Shape.Slices; z++)
        {
            for (int y = 0; y < Shape.Rows; y++)
            {
                for (int x = 0; x < Shape.Columns; x++)
                {
                    double ex = (x - 100) / 80.0, ey = (y - 100) / 60.0;
                    double v = (ex * ex) + (ey * ey) <= 1 ? 0.8 + (0.4 * random.NextDouble()) : 0.02 * random.NextDouble();
                    if (x is >= 40 and < 90 && y is >= 70 and < 120 && z is >= 240 and < 280)
                    {
                        v += 1.0;
                    }

                    foreach ((double hx, double hy, double hz, double r, double peak) in hot)
                    {
                        double d2 = ((x - hx) * (x - hx)) + ((y - hy) * (y - hy)) + ((z - hz) * (z - hz));
                        if (d2 <= r * r)
                        {
                            v += peak * (1 - (0.5 * Math.Sqrt(d2) / r));
                        }
                    }

                    value[Shape.Index(x, y, z)] = (float)v;
                }
            }
        }

        int plane = Shape.Columns * Shape.Rows;
        short[] stored = new short[value.Length];
        float[] factors = new float[Shape.Slices];
        for (int z = 0; z < Shape.Slices; z++)
        {
            float max = value.AsSpan(z * plane, plane).ToArray().Max();
            factors[z] = max / short.MaxValue;
            for (int i = z * plane; i < (z + 1) * plane; i++)
            {
                stored[i] = (short)Math.Round(value[i] / factors[z]);
            }
        }

        return (stored, factors);
    }
}
