using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using PacsNode.Quantification.Phantoms;

namespace PacsNode.Benchmarks;

/// <summary>
/// Time to generate and write the default clinical-size FDG phantom (PET 200×200×400 at 4/3 mm, CT 512×512×400), by
/// stage, median over rounds (the first round warms up and is not counted); then, once, the numpy/scipy reference
/// quantification (scripts/quantify_reference.py) of the written PET series, with its own stage timings. Its threshold
/// is SUV 4: at 2.5 the 10% white noise on the liver (SUV 2) makes a hundred single-voxel labels whose 41% VOIs flood
/// the whole body, each labelled on the full volume, which measures that pathology rather than the spheres.
/// </summary>
internal static class PhantomBenchmark
{
    public static async Task<int> RunAsync(string work, int rounds, CancellationToken cancellationToken)
    {
        string folder = Path.Combine(work, "phantom");
        PhantomSpec spec = PhantomSpec.Create(PhantomTracer.Fdg) with { NoiseLevel = 0.1, SmoothingFwhmMm = 6 };
        var stages = new List<PhantomTimings>();
        var walls = new List<double>();
        var cpus = new List<double>();
        PhantomResult? last = null;
        for (int round = 0; round <= rounds; round++)
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }

            TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            last = await PhantomGenerator.GenerateAsync(spec, folder, cancellationToken);
            if (round > 0)
            {
                walls.Add(watch.Elapsed.TotalSeconds);
                cpus.Add((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
                stages.Add(last.Timings);
            }
        }

        long petBytes = Directory.GetFiles(last!.PetFolder).Sum(f => new FileInfo(f).Length);
        long ctBytes = Directory.GetFiles(last.CtFolder!).Sum(f => new FileInfo(f).Length);
        var table = new StringBuilder();
        table.AppendLine(CultureInfo.InvariantCulture,
            $"Phantom: FDG, PET {spec.Columns}×{spec.Rows}×{spec.Slices} ({petBytes / 1e6:F0} MB), CT {spec.CtMatrix}²×{last.CtFiles} " +
            $"({ctBytes / 1e6:F0} MB), noise 10%, FWHM 6 mm, {Environment.ProcessorCount} cores, median of {rounds} rounds");
        table.AppendLine();
        table.AppendLine("| stage | seconds |");
        table.AppendLine("|---|---|");
        Row(table, "activity volume (SUV → Bq/ml, smoothing, noise)", stages.Select(s => s.Activity));
        Row(table, "per-slice int16 quantisation", stages.Select(s => s.Quantise));
        Row(table, "truth (spheres, liver)", stages.Select(s => s.Truth));
        Row(table, "write PET slices", stages.Select(s => s.WritePet));
        Row(table, "write CT slices (anatomy → HU)", stages.Select(s => s.WriteCt));
        Row(table, "**total (wall)**", walls);
        Row(table, "total CPU time of the process (all threads)", cpus);

        string script = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "scripts", "quantify_reference.py");
        if (File.Exists("/usr/bin/python3") && File.Exists(script))
        {
            var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (string arg in new[] { Path.GetFullPath(script), last.PetFolder, "--truth", last.TruthPath, "--threshold", "4" })
            {
                start.ArgumentList.Add(arg);
            }

            using Process process = Process.Start(start)!;
            Task<string> stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            string output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode == 0)
            {
                using var json = JsonDocument.Parse(output);
                table.AppendLine();
                table.AppendLine(CultureInfo.InvariantCulture,
                    $"numpy/scipy reference quantification of that PET series (scripts/quantify_reference.py --threshold 4, " +
                    $"{json.RootElement.GetProperty("labelCount").GetInt32()} labels), one run:");
                table.AppendLine();
                table.AppendLine("| stage | seconds |");
                table.AppendLine("|---|---|");
                foreach (JsonProperty stage in json.RootElement.GetProperty("timingsSeconds").EnumerateObject())
                {
                    table.AppendLine(CultureInfo.InvariantCulture, $"| {stage.Name} | {stage.Value.GetDouble():F3} |");
                }
            }
            else
            {
                table.AppendLine(CultureInfo.InvariantCulture, $"quantify_reference.py failed: {await stderr}");
            }
        }

        Console.WriteLine(table.ToString());
        return 0;
    }

    private static void Row(StringBuilder table, string name, IEnumerable<double> values) =>
        table.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {Timing.Median([.. values]):F2} |");
}
