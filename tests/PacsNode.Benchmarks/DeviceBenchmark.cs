using System.Diagnostics;
using System.Globalization;
using Microsoft.Win32.SafeHandles;

namespace PacsNode.Benchmarks;

/// <summary>
/// What the data folder's disk charges one association per instance, with the calls the node makes: a journal record
/// written into a preallocated segment and flushed (RandomAccess.Write, RandomAccess.FlushToDisk: fsync), a flush with
/// nothing written, the same record flush after the disk has idled, and an instance file created, written and renamed
/// without a flush (what the node and storescp both do). The four are measured in turn, sample by sample, so a drift in
/// the disk's speed (a shared host) hits each alike. The record size is the mean instance of the store benchmark's study.
/// It bounds the store benchmark: storescp answers without flushing, so on one association the node pays the record
/// flush on every instance and storescp does not.
/// </summary>
internal static class DeviceBenchmark
{
    private const int RecordBytes = 88_000;
    private const long SegmentBytes = 64L << 20;
    private const int Samples = 400;

    /// <summary>The pause before each sample, in ms: one association's pace (about 1,000 instances/s).</summary>
    private const int Pace = 1;

    private const int Idle = 5;

    public static async Task<int> RunAsync(string work, CancellationToken cancellationToken)
    {
        string folder = Path.Combine(work, "device");
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(Path.Combine(folder, "incoming"));
        Directory.CreateDirectory(Path.Combine(folder, "files"));
        string segmentPath = Path.Combine(folder, "segment");
        byte[] record = new byte[RecordBytes];
        new Random(7).NextBytes(record);
        using SafeFileHandle segment = File.OpenHandle(segmentPath, FileMode.CreateNew, FileAccess.ReadWrite);
        await Console.Error.WriteLineAsync($"device: preparing a {SegmentBytes >> 20} MiB zero-filled segment in {folder}");
        byte[] zeros = new byte[1 << 20];
        for (long offset = 0; offset < SegmentBytes; offset += zeros.Length)
        {
            RandomAccess.Write(segment, zeros, offset);
        }

        RandomAccess.FlushToDisk(segment);

        long position = 0;
        int file = 0;
        (string Name, int Pause, Action Action, List<double> Samples)[] measures =
        [
            ("record write + flush", Pace, () => WriteRecord(segment, record, ref position), []),
            ("flush, nothing written", Pace, () => RandomAccess.FlushToDisk(segment), []),
            ("record write + flush after 5 ms idle", Idle, () => WriteRecord(segment, record, ref position), []),
            ("new file: create, write, close, rename (no flush)", Pace, () => WriteFile(folder, record, file++), []),
        ];
        for (int i = 0; i < Samples; i++)
        {
            foreach ((_, int pause, Action action, List<double> values) in measures)
            {
                values.Add(await MeasureAsync(pause, action, cancellationToken));
            }
        }

        Console.WriteLine($"| {RecordBytes:N0} bytes, {Samples} samples each, taken in turn | median µs | 10th percentile | 90th percentile |");
        Console.WriteLine("|---|---|---|---|");
        foreach ((string name, _, _, List<double> values) in measures)
        {
            values.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {Timing.Median(values):F0} | {values[values.Count / 10]:F0} | {values[values.Count * 9 / 10]:F0} |"));
        }

        Directory.Delete(folder, recursive: true);
        return 0;
    }

    private static async Task<double> MeasureAsync(int pauseMilliseconds, Action action, CancellationToken cancellationToken)
    {
        await Task.Delay(pauseMilliseconds, cancellationToken);
        long start = Stopwatch.GetTimestamp();
        action();
        return Stopwatch.GetElapsedTime(start).TotalMicroseconds;
    }

    private static void WriteRecord(SafeFileHandle segment, byte[] record, ref long position)
    {
        if (position + record.Length > SegmentBytes)
        {
            position = 0;
        }

        RandomAccess.Write(segment, record, position);
        RandomAccess.FlushToDisk(segment);
        position += (record.Length + 4095) & ~4095;
    }

    private static void WriteFile(string folder, byte[] record, int number)
    {
        string temp = Path.Combine(folder, "incoming", number.ToString(CultureInfo.InvariantCulture) + ".tmp");
        using (SafeFileHandle handle = File.OpenHandle(temp, FileMode.CreateNew, FileAccess.Write))
        {
            RandomAccess.Write(handle, record, 0);
        }

        File.Move(temp, Path.Combine(folder, "files", number.ToString(CultureInfo.InvariantCulture) + ".dcm"));
    }
}
