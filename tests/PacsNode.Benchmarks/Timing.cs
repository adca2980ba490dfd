using System.Diagnostics;

namespace PacsNode.Benchmarks;

/// <summary>Medians of repeated runs, in process or of an external program; the first run warms up and is not counted.</summary>
internal static class Timing
{
    public static double Median(List<double> values)
    {
        values.Sort();
        return values.Count % 2 == 1 ? values[values.Count / 2] : (values[(values.Count / 2) - 1] + values[values.Count / 2]) / 2;
    }

    public static double Median(int runs, Action action)
    {
        action();
        var times = new List<double>();
        for (int i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            action();
            times.Add(watch.Elapsed.TotalSeconds);
        }

        return Median(times);
    }

    /// <summary>Median wall time of a program over <paramref name="rounds"/> runs after a warm-up; fails if it fails.</summary>
    public static async Task<double> MedianProcessAsync(string program, string[] args, int rounds, CancellationToken ct)
    {
        var times = new List<double>();
        for (int round = 0; round <= rounds; round++)
        {
            var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (string arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            var watch = Stopwatch.StartNew();
            using Process process = Process.Start(start)!;
            Task<string> stdout = process.StandardOutput.ReadToEndAsync(ct);
            Task<string> stderr = process.StandardError.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            watch.Stop();
            _ = await stdout;
            string errors = await stderr;
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{program} failed: {errors}");
            }

            if (round > 0)
            {
                times.Add(watch.Elapsed.TotalSeconds);
            }
        }

        return Median(times);
    }
}
