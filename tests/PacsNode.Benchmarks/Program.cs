using PacsNode.Benchmarks;
using PacsNode.Quantification.Kernels;

// Usage: PacsNode.Benchmarks [read|codecs|find|kernels|store|device|phantom|quantify|pipeline] [--work DIR] [--rounds N] [--accelerators reference,cpu,...] [--ct N] [--pet N] [--warmup N]
// (no mode: read, codecs and find; kernels, store, device, phantom and quantify run only when asked). read/codecs compare PacsNode's reader and
// codecs with DCMTK and pydicom; store compares C-STORE into pacsnode serve, DCMTK storescp and Orthanc.
string work = Path.Combine(Path.GetTempPath(), "pacsnode-bench");
int rounds = 5;
int ctSlices = 150;
int petSlices = 150;
int warmupRounds = 1;
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
        case "--ct":
            ctSlices = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
            break;
        case "--pet":
            petSlices = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
            break;
        case "--warmup":
            warmupRounds = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
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

if (mode is "store")
{
    result |= await StoreBenchmark.RunAsync(work, rounds, warmupRounds, ctSlices, petSlices, CancellationToken.None);
}

if (mode is "device")
{
    result |= await DeviceBenchmark.RunAsync(work, CancellationToken.None);
}

if (mode is "quantify")
{
    result |= await QuantifyBenchmark.RunAsync(work, rounds, accelerators, CancellationToken.None);
}

if (mode is "pipeline")
{
    result |= await PipelineBenchmark.RunAsync(work, rounds, CancellationToken.None);
}

if (mode is "phantom")
{
    result |= await PhantomBenchmark.RunAsync(work, rounds, CancellationToken.None);
}

return result;
