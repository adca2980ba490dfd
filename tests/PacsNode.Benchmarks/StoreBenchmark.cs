using System.Diagnostics;
using System.Globalization;
using System.Text;
using PacsNode.TestKit;

namespace PacsNode.Benchmarks;

/// <summary>
/// C-STORE throughput of a PET/CT study sent by DCMTK's storescu into three receivers on this machine: <c>pacsnode
/// serve</c> (the instance appended to the store journal and the journal flushed, file renamed and SQLite index row
/// committed before Success; file, folders and index flushed by the journal checkpoint every second), DCMTK's storescp
/// (<c>--fork</c>, writes files without fsync) and Orthanc (SyncStorageArea on, SQLite index). One association, and 8
/// associations in parallel each carrying a disjoint eighth of the study. Each round sends a freshly generated study
/// (new UIDs) so no receiver sees duplicates; medians over rounds, after one warm-up round (<c>--warmup N</c>: N; each
/// warm-up round sends two studies, so the node's JIT has tiered up further the more there are).
/// </summary>
internal static class StoreBenchmark
{
    private const string PydicomCt = "/usr/lib/python3/dist-packages/pydicom/data/test_files/CT_small.dcm";

    public static async Task<int> RunAsync(
        string work, int rounds, int warmupRounds, int ctSlices, int petSlices, CancellationToken cancellationToken)
    {
        string storescu = Tools.Find("storescu") ?? throw new InvalidOperationException("storescu (Debian dcmtk) is not installed");
        string storescp = Tools.Find("storescp") ?? throw new InvalidOperationException("storescp (Debian dcmtk) is not installed");
        string pet = TestData.Path("ibsi-suv-dro", "DRO", "DRO_0_0", "PT", "pet_dro_0_0_slice_000.dcm");
        if (!File.Exists(pet) || !File.Exists(PydicomCt))
        {
            throw new InvalidOperationException($"need {pet} and {PydicomCt} (python3-pydicom)");
        }

        Directory.CreateDirectory(work);
        await Console.Error.WriteLineAsync("store: starting pacsnode serve, storescp and Orthanc");
        string studyFolder = Path.Combine(work, "study");
        using var temp = new TempDirectory("store-bench");
        // The node logs at its default level (Information: one line per association), as it would in service. Its
        // pipeline's quiet time is a day: the studies of earlier rounds would otherwise be quantified (a job per PET
        // series, 30 s after its last instance) while later rounds are measured, and storescp and Orthanc quantify
        // nothing. This measures receiving: storing, indexing and (by default) making each instance durable.
        await using PacsNodeServer node = await PacsNodeServer.StartAsync(temp.Combine("pacsnode"), NodeSettings(null),
            cancellationToken: cancellationToken);
        // The same node with PacsNode:Storage:Durability=ProcessCrash: no flush, as storescp, so the comparison shows what
        // durability costs.
        await using PacsNodeServer cached = await PacsNodeServer.StartAsync(temp.Combine("pacsnode-cached"),
            NodeSettings("ProcessCrash"), aeTitle: "PACSCACHED", cancellationToken: cancellationToken);
        int scpPort = FreePort.Get();
        Directory.CreateDirectory(temp.Combine("storescp"));
        await using RunningTool scp = ExternalTool.Start(storescp,
            ["--fork", "-aet", "STORESCP", "-od", temp.Combine("storescp"), scpPort.ToString(CultureInfo.InvariantCulture)],
            new ToolRunOptions { Timeout = TimeSpan.FromHours(2), LogToTestOutput = false, Environment = NoDelay });
        await using OrthancServer orthanc = await OrthancServer.StartAsync(cancellationToken: cancellationToken);
        (string Name, string Ae, int Port)[] targets =
        [
            ("pacsnode serve", node.AeTitle, node.Port),
            ("pacsnode serve, Durability=ProcessCrash", cached.AeTitle, cached.Port),
            ("DCMTK storescp --fork", "STORESCP", scpPort),
            ("Orthanc 1.10", orthanc.AeTitle, orthanc.DicomPort),
        ];

        string loadBefore = await LoadAverageAsync(cancellationToken);
        var times = targets.ToDictionary(t => t.Name, _ => new Dictionary<int, List<double>> { [1] = [], [8] = [] }, StringComparer.Ordinal);
        long studyBytes = 0;
        int instances = 0;
        for (int round = 1 - warmupRounds; round <= rounds; round++)
        {
            foreach (int associations in new[] { 1, 8 })
            {
                IReadOnlyList<string> files = await GenerateStudyAsync(studyFolder, pet, ctSlices, petSlices, cancellationToken);
                studyBytes = files.Sum(f => new FileInfo(f).Length);
                instances = files.Count;
                foreach ((string name, string ae, int port) in targets)
                {
                    double seconds = await SendAsync(storescu, ae, port, files, associations, cancellationToken);
                    await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"store: round {round}, {associations} association(s), {name}: {seconds:F2} s"));
                    if (round > 0)
                    {
                        times[name][associations].Add(seconds);
                    }
                }
            }
        }

        string loadAfter = await LoadAverageAsync(cancellationToken);
        var table = new StringBuilder();
        table.AppendLine(CultureInfo.InvariantCulture,
            $"Study: {instances} instances ({ctSlices} CT, {petSlices} PET), {studyBytes / 1e6:F1} MB; {rounds} rounds after {warmupRounds} warm-up round(s); {Environment.ProcessorCount} CPU cores.");
        table.AppendLine(CultureInfo.InvariantCulture, $"Load average (/proc/loadavg) at the start: {loadBefore}; at the end: {loadAfter}.");
        table.AppendLine();
        table.AppendLine("| receiver | associations | median s | instances/s | MB/s | pacsnode speed ÷ receiver speed |");
        table.AppendLine("|---|---|---|---|---|---|");
        foreach (int associations in new[] { 1, 8 })
        {
            double ours = Timing.Median(times[targets[0].Name][associations]);
            foreach ((string name, _, _) in targets)
            {
                double median = Timing.Median(times[name][associations]);
                table.AppendLine(CultureInfo.InvariantCulture,
                    $"| {name} | {associations} | {median:F2} | {instances / median:F0} | {studyBytes / 1e6 / median:F1} | {median / ours:F2}× |");
            }
        }

        Console.WriteLine(table.ToString());
        return 0;
    }

    /// <summary>The 1, 5 and 15-minute load averages, or "unknown" off Linux: the figures mean little on a busy machine.</summary>
    private static async Task<string> LoadAverageAsync(CancellationToken cancellationToken) => File.Exists("/proc/loadavg")
        ? string.Join(' ', (await File.ReadAllTextAsync("/proc/loadavg", cancellationToken)).Split(' ').Take(3))
        : "unknown";

    private static Dictionary<string, string?> NodeSettings(string? durability)
    {
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal) { ["PacsNode__Pipeline__QuietSeconds"] = "86400" };
        if (durability is not null)
        {
            settings["PacsNode__Storage__Durability"] = durability;
        }

        return settings;
    }

    private static Dictionary<string, string?> NoDelay => new() { ["TCP_NODELAY"] = "1" };

    /// <summary>A CT series and a PET series of one new study, copies of real slices with new UIDs.</summary>
    private static async Task<IReadOnlyList<string>> GenerateStudyAsync(
        string folder, string pet, int ctSlices, int petSlices, CancellationToken cancellationToken)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        string study = DicomStudyFactory.NewUid();
        IReadOnlyList<string> ct = await DicomStudyFactory.WriteSeriesAsync(PydicomCt, Path.Combine(folder, "ct"), ctSlices, study, cancellationToken);
        IReadOnlyList<string> pt = await DicomStudyFactory.WriteSeriesAsync(pet, Path.Combine(folder, "pt"), petSlices, study, cancellationToken);
        return [.. ct, .. pt];
    }

    /// <summary>Wall time of <paramref name="associations"/> storescu processes in parallel, each sending a disjoint slice.</summary>
    private static async Task<double> SendAsync(
        string storescu, string ae, int port, IReadOnlyList<string> files, int associations, CancellationToken cancellationToken)
    {
        var slices = Enumerable.Range(0, associations)
            .Select(i => files.Where((_, index) => index % associations == i).ToArray())
            .ToArray();
        var watch = Stopwatch.StartNew();
        ToolResult[] results = await Task.WhenAll(slices.Select(slice => ExternalTool.RunAsync(storescu,
            ["-aec", ae, "127.0.0.1", port.ToString(CultureInfo.InvariantCulture), .. slice],
            new ToolRunOptions { LogToTestOutput = false, Environment = NoDelay, Timeout = TimeSpan.FromMinutes(10) }, cancellationToken)));
        watch.Stop();
        foreach (ToolResult result in results)
        {
            if (result.ExitCode != 0 || result.StandardError.Contains("E:", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"storescu to {ae} failed: {result.StandardError}");
            }
        }

        return watch.Elapsed.TotalSeconds;
    }
}
