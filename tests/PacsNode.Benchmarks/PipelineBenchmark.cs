using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO;
using PacsNode.Quantification.Phantoms;
using PacsNode.TestKit;

namespace PacsNode.Benchmarks;

/// <summary>
/// Issue 5's latency: a whole-body FDG PET/CT phantom (default 200×200×400 PET, 512² CT on the PET's slice spacing) sent
/// by storescu (CT, then PET, one association) into <c>pacsnode serve</c>; the PET series becomes ready when its
/// NumberOfSlices is reached, so no quiet time is involved. Two latencies per round: the node's own (the SR's index time
/// minus the last PET instance's index time, both written by the node) and the outside view (storescu's exit to the
/// first findscu that finds the SR, polled every 50 ms). For scale, the same run times <c>pacsnode quantify --json</c>
/// (a cold process doing the quantification alone on the same PET files). Medians over rounds, a fresh study each round,
/// after one warm-up round.
/// </summary>
internal static class PipelineBenchmark
{
    public static async Task<int> RunAsync(string work, int rounds, CancellationToken cancellationToken)
    {
        string storescu = Tools.Find("storescu") ?? throw new InvalidOperationException("storescu (Debian dcmtk) is not installed");
        string findscu = Tools.Find("findscu") ?? throw new InvalidOperationException("findscu (Debian dcmtk) is not installed");
        Directory.CreateDirectory(work);
        using var temp = new TempDirectory("pipeline-bench");
        string data = temp.Combine("data");
        await using PacsNodeServer node = await PacsNodeServer.StartAsync(data,
            new Dictionary<string, string?> { ["PacsNode__Pipeline__QuietSeconds"] = "30" }, cancellationToken: cancellationToken);
        var nodeSide = new List<double>();
        var outside = new List<double>();
        var quantifyCli = new List<double>();
        var stages = new List<string>();
        int petFiles = 0, ctFiles = 0;
        for (int round = 0; round <= rounds; round++)
        {
            string folder = Path.Combine(work, "pipeline-study");
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }

            PhantomResult phantom = await PhantomGenerator.GenerateAsync(PhantomSpec.Create(PhantomTracer.Fdg), folder, cancellationToken);
            string[] pet = [.. Directory.GetFiles(phantom.PetFolder).Order(StringComparer.Ordinal)];
            string[] ct = [.. Directory.GetFiles(phantom.CtFolder!).Order(StringComparer.Ordinal)];
            (petFiles, ctFiles) = (pet.Length, ct.Length);
            string study = (await DicomFile.OpenAsync(pet[0], new DicomReaderOptions { StopAtTag = DicomTag.PixelData }, cancellationToken))
                .Dataset.GetString(DicomTag.StudyInstanceUID)!;
            ToolResult sent = await ExternalTool.RunAsync(storescu, ["-aec", node.AeTitle, "127.0.0.1", node.PortText, .. ct, .. pet],
                new ToolRunOptions { LogToTestOutput = false, Timeout = TimeSpan.FromMinutes(20), Environment = new Dictionary<string, string?> { ["TCP_NODELAY"] = "1" } },
                cancellationToken);
            sent.AssertSuccess();
            var watch = Stopwatch.StartNew();
            while (!await HasSrAsync(findscu, node, study, cancellationToken))
            {
                if (watch.Elapsed > TimeSpan.FromMinutes(5))
                {
                    throw new InvalidOperationException($"no SR for study {study} after 5 minutes");
                }

                await Task.Delay(50, cancellationToken);
            }

            double seen = watch.Elapsed.TotalSeconds;
            (double latency, string timings) = NodeLatency(data, study);
            var cli = Stopwatch.StartNew();
            (await PacsNodeCli.RunAsync(["quantify", phantom.PetFolder, "--json"], new ToolRunOptions { LogToTestOutput = false }, cancellationToken))
                .AssertSuccess();
            double quantify = cli.Elapsed.TotalSeconds;
            await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"pipeline: round {round}: node {latency:F3} s, findscu after storescu {seen:F3} s, quantify CLI {quantify:F3} s; job {timings}"));
            if (round > 0)
            {
                nodeSide.Add(latency);
                outside.Add(seen);
                quantifyCli.Add(quantify);
                stages.Add(timings);
            }
        }

        var table = new StringBuilder();
        table.AppendLine(CultureInfo.InvariantCulture,
            $"Study: {petFiles} PET + {ctFiles} CT slices (whole-body FDG phantom); {rounds} rounds after a warm-up; {Environment.ProcessorCount} CPU cores; load {LoadAverage()}.");
        table.AppendLine();
        table.AppendLine("| measure | median s |");
        table.AppendLine("|---|---|");
        table.AppendLine(CultureInfo.InvariantCulture, $"| last PET instance indexed → SR indexed (node clock) | {Timing.Median(nodeSide):F3} |");
        table.AppendLine(CultureInfo.InvariantCulture, $"| storescu exit → findscu finds the SR (outside view, 50 ms polling) | {Timing.Median(outside):F3} |");
        table.AppendLine(CultureInfo.InvariantCulture, $"| `pacsnode quantify --json` on the same PET, cold process (reference) | {Timing.Median(quantifyCli):F3} |");
        table.AppendLine();
        table.AppendLine("Job stage timings per round (ms): " + string.Join("; ", stages));
        Console.WriteLine(table.ToString());
        return 0;
    }

    private static async Task<bool> HasSrAsync(string findscu, PacsNodeServer node, string study, CancellationToken cancellationToken)
    {
        ToolResult find = await ExternalTool.RunAsync(findscu,
            ["-S", "-aec", node.AeTitle, "-k", "QueryRetrieveLevel=SERIES", "-k", $"StudyInstanceUID={study}", "-k", "Modality=SR",
                "-k", "SeriesInstanceUID", "127.0.0.1", node.PortText],
            new ToolRunOptions { LogToTestOutput = false }, cancellationToken);
        return find.ExitCode == 0 && (find.StandardOutput + find.StandardError).Contains("(0020,000e)", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The SR's index time minus the last PET instance's, and the job's stage timings, from the node's index.</summary>
    private static (double Seconds, string Timings) NodeLatency(string data, string study)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(data, "index.sqlite")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = """
            SELECT (SELECT MAX(i.received_at) FROM instance i JOIN series s ON s.pk = i.series_pk JOIN study t ON t.pk = s.study_pk
                    WHERE t.study_uid = $study AND s.modality = 'PT'),
                   (SELECT MIN(i.received_at) FROM instance i JOIN series s ON s.pk = i.series_pk JOIN study t ON t.pk = s.study_pk
                    WHERE t.study_uid = $study AND s.modality = 'SR'),
                   (SELECT timings FROM job WHERE study_uid = $study ORDER BY id DESC LIMIT 1)
            """;
        command.Parameters.AddWithValue("$study", study);
        using SqliteDataReader reader = command.ExecuteReader();
        reader.Read();
        var last = DateTimeOffset.Parse(reader.GetString(0), CultureInfo.InvariantCulture);
        var sr = DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture);
        return ((sr - last).TotalSeconds, reader.IsDBNull(2) ? "?" : reader.GetString(2));
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
