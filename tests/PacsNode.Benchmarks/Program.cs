using PacsNode.Benchmarks;

// Usage: PacsNode.Benchmarks [read|codecs|phantom] [--work DIR] [--rounds N]   (no mode: read and codecs)
// Compares PacsNode's reader with DCMTK's dcmdump and pydicom on the same files in the same run.
string work = Path.Combine(Path.GetTempPath(), "pacsnode-bench");
int rounds = 5;
string? mode = null;
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
        default:
            mode = args[i];
            break;
    }
}

int result = 0;
if (mode is null or "read")
{
    result |= await ReadBenchmark.RunAsync(work, rounds, CancellationToken.None);
}

if (mode is null or "codecs")
{
    result |= await CodecBenchmark.RunAsync(work, rounds, CancellationToken.None);
}

if (mode is "phantom")
{
    result |= await PhantomBenchmark.RunAsync(work, rounds, CancellationToken.None);
}

return result;
