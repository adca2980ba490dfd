using PacsNode.Benchmarks;
using PacsNode.Quantification.Kernels;

// Usage: PacsNode.Benchmarks [read|codecs|find|kernels] [--work DIR] [--rounds N] [--accelerators reference,cpu,...]
// (no mode: read, codecs and find; kernels runs only when asked: it needs a few GB of memory and minutes of CPU)
// Compares PacsNode's reader with DCMTK's dcmdump and pydicom on the same files in the same run.
string work = Path.Combine(Path.GetTempPath(), "pacsnode-bench");
int rounds = 5;
string? mode = null;
AcceleratorChoice[] accelerators =
[AcceleratorChoice.Reference, AcceleratorChoice.Parallel, AcceleratorChoice.Cpu];
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--work":
            work = args[++i];
            break;
        case "--accelerators":
            accelerators = [.. args[++i].Split(',').Select(AcceleratorChoiceText.Parse)];
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

if (mode is null or "find")
{
    result |= await FindBenchmark.RunAsync(work, rounds, CancellationToken.None);
}

if (mode is "kernels")
{
    result |= KernelBenchmark.Run(rounds, accelerators);
}

return result;
