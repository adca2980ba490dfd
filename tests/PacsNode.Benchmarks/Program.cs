using PacsNode.Benchmarks;

// Usage: PacsNode.Benchmarks [read] [--work DIR] [--rounds N]
// Compares PacsNode's reader with DCMTK's dcmdump and pydicom on the same files in the same run.
string work = Path.Combine(Path.GetTempPath(), "pacsnode-bench");
int rounds = 5;
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--work":
            work = args[++i];
            break;
        case "--rounds":
            rounds = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
            break;
    }
}

return await ReadBenchmark.RunAsync(work, rounds, CancellationToken.None);
