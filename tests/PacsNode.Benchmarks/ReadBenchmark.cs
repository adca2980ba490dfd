using System.Diagnostics;
using System.Globalization;
using System.Text;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO;

namespace PacsNode.Benchmarks;

/// <summary>
/// Reading throughput: a 512×512 CT slice and a whole-body PET series (400 slices of a real Siemens PET header),
/// read by PacsNode (whole file, and up to Pixel Data as the indexer does), by DCMTK's dcmdump, and by pydicom,
/// each over the same files in the same run. Reports medians over rounds, MB/s and PacsNode's allocations per file.
/// </summary>
internal static class ReadBenchmark
{
    private const int PetSlices = 400;
    private const int CtRepeats = 200;

    public static async Task<int> RunAsync(string work, int rounds, CancellationToken ct)
    {
        Directory.CreateDirectory(work);
        string ct512 = Path.Combine(work, "ct512.dcm");
        await Corpus.WriteCtSliceAsync(ct512, ct);
        string[] pet = await Corpus.WritePetSeriesAsync(Path.Combine(work, "pet"), PetSlices, ct);
        string[] ctRepeated = Enumerable.Repeat(ct512, CtRepeats).ToArray();

        var table = new StringBuilder();
        table.AppendLine(CultureInfo.InvariantCulture, $"| input | reader | median s | MB/s | files/s | ratio | alloc/file |");
        table.AppendLine("|---|---|---|---|---|---|---|");
        foreach ((string name, string[] files) in new[] { ("CT 512×512 ×" + CtRepeats, ctRepeated), ($"PET series {PetSlices} slices", pet) })
        {
            long bytes = files.Sum(f => new FileInfo(f).Length);
            var results = new List<(string Reader, double Seconds, double AllocPerFile)>
            {
                await MeasureOursAsync("pacsnode read (all)", files, rounds, null, dump: false, ct),
                await MeasureOursAsync("pacsnode read to Pixel Data (index)", files, rounds, new DicomTag(0x7FE0, 0x0010), dump: false, ct),
                await MeasureOursAsync("pacsnode read + dump listing", files, rounds, null, dump: true, ct),
                await MeasureProcessAsync("dcmdump -q +M (one process)", "dcmdump", ["-q", "+M", .. files], rounds, ct),
                await MeasureProcessAsync("pydicom dcmread (one process)", "/usr/bin/python3",
                    ["-c", "import sys,pydicom\nfor p in sys.argv[1:]:\n    pydicom.dcmread(p).PixelData", .. files], rounds, ct),
            };
            double dcmdump = results.First(r => r.Reader.StartsWith("dcmdump", StringComparison.Ordinal)).Seconds;
            foreach ((string reader, double seconds, double alloc) in results)
            {
                string allocText = double.IsNaN(alloc) ? "–" : $"{alloc / 1024:F0} KiB";
                table.AppendLine(CultureInfo.InvariantCulture,
                    $"| {name} ({bytes / 1e6:F1} MB) | {reader} | {seconds:F3} | {bytes / 1e6 / seconds:F0} | {files.Length / seconds:F0} | {dcmdump / seconds:F2}× dcmdump | {allocText} |");
            }
        }

        Console.WriteLine(table.ToString());
        return 0;
    }

    private static async Task<(string, double, double)> MeasureOursAsync(
        string label, string[] files, int rounds, DicomTag? stopAt, bool dump, CancellationToken ct)
    {
        var options = new DicomReaderOptions { StopAtTag = stopAt };
        var times = new List<double>();
        double allocPerFile = 0;
        for (int round = 0; round <= rounds; round++)
        {
            long allocBefore = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            foreach (string file in files)
            {
                DicomFile read = await DicomFile.OpenAsync(file, options, ct);
                if (dump)
                {
                    new PacsNode.Host.Dump.DatasetDumper(TextWriter.Null).Dump(read);
                }
            }

            watch.Stop();
            if (round > 0)
            {
                times.Add(watch.Elapsed.TotalSeconds);
                allocPerFile = (GC.GetTotalAllocatedBytes(precise: true) - allocBefore) / (double)files.Length;
            }
        }

        return (label, Timing.Median(times), allocPerFile);
    }

    private static async Task<(string, double, double)> MeasureProcessAsync(
        string label, string program, string[] args, int rounds, CancellationToken ct) =>
        (label, await Timing.MedianProcessAsync(program, args, rounds, ct), double.NaN);
}
