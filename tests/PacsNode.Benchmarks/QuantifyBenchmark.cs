using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using PacsNode.Dicom.IO;
using PacsNode.Quantification.Kernels;
using PacsNode.Quantification.Lesions;
using PacsNode.Quantification.Phantoms;

namespace PacsNode.Benchmarks;

/// <summary>
/// Issue 4: end-to-end quantification of a clinical-size whole-body PET (the default FDG phantom, 200×200×400 at 4/3 mm,
/// 10% noise, 6 mm FWHM; generated once and kept in the work folder) by <see cref="PetQuantifier"/> with automatic
/// detection on each backend, per stage (median over rounds after one warm-up), against scripts/quantify_reference.py
/// (numpy/scipy) on the same series in the same run. The script is given the detection threshold PetQuantifier
/// found (the PERCIST liver threshold), so both label the same components; it does no liver search or body mask.
/// </summary>
internal static class QuantifyBenchmark
{
    private static readonly string[] OurStages = ["read", "suv", "volume", "body", "liver", "detection"];

    public static async Task<int> RunAsync(string work, int rounds, IReadOnlyList<AcceleratorChoice> accelerators, CancellationToken ct)
    {
        string folder = Path.Combine(work, "quantify-phantom");
        PhantomSpec spec = PhantomSpec.Create(PhantomTracer.Fdg) with { NoiseLevel = 0.1, SmoothingFwhmMm = 6, IncludeCt = false, Seed = 7 };
        string pet = Path.Combine(folder, "PET");
        if (!File.Exists(Path.Combine(folder, "truth.json")))
        {
            await PhantomGenerator.GenerateAsync(spec, folder, ct);
        }

        string[] paths = [.. Directory.GetFiles(pet, "*.dcm").Order(StringComparer.Ordinal)];
        string load = (await File.ReadAllTextAsync("/proc/loadavg", ct)).Trim();
        var table = new StringBuilder();
        table.AppendLine(CultureInfo.InvariantCulture,
            $"Quantify: FDG phantom PET {spec.Columns}×{spec.Rows}×{spec.Slices} ({paths.Length} slices), automatic detection, " +
            $"{Environment.ProcessorCount} cores, load average before: {load}; median of {rounds} rounds after a warm-up, ms");
        table.AppendLine();
        table.AppendLine("| backend | " + string.Join(" | ", OurStages) + " | **total** | lesions |");
        table.AppendLine("|---|" + string.Concat(Enumerable.Repeat("---|", OurStages.Length + 2)));
        double? threshold = null;
        var totals = new Dictionary<string, double>();
        foreach (AcceleratorChoice choice in accelerators)
        {
            if (choice == AcceleratorChoice.Cuda && !KernelFactory.HasCudaDevice())
            {
                table.AppendLine("| cuda | no CUDA device on this machine |");
                continue;
            }

            using IVolumeKernels kernels = KernelFactory.Create(choice);
            var quantifier = new PetQuantifier(kernels);
            var stages = OurStages.ToDictionary(s => s, _ => new List<double>());
            var total = new List<double>();
            QuantifyResult? last = null;
            for (int round = 0; round <= rounds; round++)
            {
                long start = Stopwatch.GetTimestamp();
                var files = new List<DicomFile>(paths.Length);
                foreach (string path in paths)
                {
                    files.Add(await DicomFile.OpenAsync(path, null, ct));
                }

                double read = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                last = await quantifier.QuantifyAsync(files, new QuantifyRequest(), ct);
                double all = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                if (!last.IsSuccess)
                {
                    throw new InvalidOperationException($"{kernels.Backend}: {last.Failure.Message}");
                }

                if (round > 0)
                {
                    stages["read"].Add(read);
                    foreach (string stage in OurStages.Skip(1))
                    {
                        stages[stage].Add(last.TimingsMs[stage]);
                    }

                    total.Add(all);
                }
            }

            threshold ??= last!.Detection!.Threshold.Suv;
            totals[kernels.Backend] = Timing.Median(total);
            table.AppendLine(CultureInfo.InvariantCulture,
                $"| {kernels.Backend} | {string.Join(" | ", OurStages.Select(s => Timing.Median(stages[s]).ToString("F0", CultureInfo.InvariantCulture)))} " +
                $"| **{totals[kernels.Backend]:F0}** | {last!.Detection!.Lesions.Count()} of {last.Detection.Candidates.Count} |");
        }

        await AppendPythonAsync(table, pet, Path.Combine(folder, "truth.json"), threshold ?? 2.5, rounds, totals, ct);
        Console.WriteLine(table.ToString());
        return 0;
    }

    private static async Task AppendPythonAsync(
        StringBuilder table, string pet, string truth, double threshold, int rounds, Dictionary<string, double> totals, CancellationToken ct)
    {
        string script = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "scripts", "quantify_reference.py");
        if (!File.Exists("/usr/bin/python3") || !File.Exists(script))
        {
            table.AppendLine().AppendLine("numpy/scipy: /usr/bin/python3 or scripts/quantify_reference.py missing, not measured.");
            return;
        }

        string thresholdText = threshold.ToString("R", CultureInfo.InvariantCulture);
        var stages = new Dictionary<string, List<double>>();
        var walls = new List<double>();
        int labels = 0;
        for (int round = 0; round <= rounds; round++)
        {
            var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (string arg in new[] { Path.GetFullPath(script), pet, "--truth", truth, "--threshold", thresholdText })
            {
                start.ArgumentList.Add(arg);
            }

            var watch = Stopwatch.StartNew();
            using Process process = Process.Start(start)!;
            Task<string> stderr = process.StandardError.ReadToEndAsync(ct);
            string output = await process.StandardOutput.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            if (process.ExitCode != 0)
            {
                table.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"quantify_reference.py failed: {await stderr}");
                return;
            }

            using var json = JsonDocument.Parse(output);
            labels = json.RootElement.GetProperty("labelCount").GetInt32();
            if (round == 0)
            {
                continue;
            }

            walls.Add(watch.Elapsed.TotalMilliseconds);
            foreach (JsonProperty stage in json.RootElement.GetProperty("timingsSeconds").EnumerateObject())
            {
                (stages.TryGetValue(stage.Name, out List<double>? list) ? list : stages[stage.Name] = []).Add(stage.Value.GetDouble() * 1000);
            }
        }

        double python = Timing.Median(stages["total"]);
        table.AppendLine();
        table.AppendLine(CultureInfo.InvariantCulture,
            $"numpy/scipy (scripts/quantify_reference.py --threshold {threshold:0.###}, PetQuantifier's PERCIST threshold; {labels} labels), same run, ms:");
        table.AppendLine();
        table.AppendLine("| " + string.Join(" | ", stages.Keys) + " | process wall (with interpreter start) |");
        table.AppendLine("|" + string.Concat(Enumerable.Repeat("---|", stages.Count + 1)));
        table.AppendLine(CultureInfo.InvariantCulture,
            $"| {string.Join(" | ", stages.Values.Select(v => Timing.Median(v).ToString("F0", CultureInfo.InvariantCulture)))} | {Timing.Median(walls):F0} |");
        table.AppendLine();
        table.AppendLine("| backend | total / numpy-scipy total |");
        table.AppendLine("|---|---|");
        foreach ((string backend, double ms) in totals)
        {
            table.AppendLine(CultureInfo.InvariantCulture, $"| {backend} | {ms / python:F2}× |");
        }
    }
}
