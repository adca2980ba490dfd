using System.Text;
using PacsNode.Storage.Files;
using Xunit;

namespace PacsNode.Storage.Tests.Files;

/// <summary>What the journal tests append and expect back, and the file surgery that stands in for a crash.</summary>
public sealed partial class StoreJournalTests
{
    private static readonly DateTimeOffset FirstReceived = DateTimeOffset.FromUnixTimeMilliseconds(1_790_000_000_123);

    /// <summary>A record as the test appended it; the payload is split into up to three blocks when appended.</summary>
    private sealed record Appended(
        JournalRecordKind Kind, string RelativePath, string? ReplacedRelativePath, DateTimeOffset ReceivedAt, byte[] Payload);

    private static Appended Instance(int i, byte[] payload) =>
        new(JournalRecordKind.Instance, $"study/series/{i:D4}.dcm", null, Received(i), payload);

    /// <summary>A time with a sub-millisecond part in a +02:00 offset: the journal keeps whole Unix milliseconds.</summary>
    private static DateTimeOffset Received(int i) =>
        FirstReceived.AddSeconds(i).ToOffset(TimeSpan.FromHours(2)).AddTicks(4321);

    private static DateTimeOffset ReceivedKept(int i) => FirstReceived.AddSeconds(i);

    private static byte[] RandomBytes(Random random, int length)
    {
        byte[] bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static async Task<JournalRecord> AppendAsync(StoreJournal journal, Appended appended, CancellationToken ct)
    {
        byte[] p = appended.Payload;
        IReadOnlyList<ReadOnlyMemory<byte>> blocks = p.Length < 3
            ? [p]
            : [p.AsMemory(0, p.Length / 3), p.AsMemory(p.Length / 3, p.Length / 3), p.AsMemory(2 * (p.Length / 3))];
        return await journal.AppendAsync(
            appended.Kind, appended.RelativePath, appended.ReplacedRelativePath, appended.ReceivedAt, blocks, ct);
    }

    /// <summary>The documented size: 48-byte header, both paths in UTF-8, the payload, zero padding to a multiple of 8.</summary>
    private static long Size(Appended appended)
    {
        long bytes = HeaderBytes + Encoding.UTF8.GetByteCount(appended.RelativePath) +
            (appended.ReplacedRelativePath is null ? 0 : Encoding.UTF8.GetByteCount(appended.ReplacedRelativePath)) +
            appended.Payload.Length;
        return (bytes + 7) / 8 * 8;
    }

    /// <summary>Where records appended in order from <paramref name="start"/> go: back to back, or at the start of the next segment when one does not fit.</summary>
    private static JournalPosition[] ExpectedPositions(IReadOnlyList<Appended> appended, JournalPosition start)
    {
        var positions = new JournalPosition[appended.Count];
        (long segment, long offset, long sequence) = start;
        for (int i = 0; i < appended.Count; i++)
        {
            long size = Size(appended[i]);
            if (offset + size > SegmentBytes)
            {
                segment++;
                offset = 0;
            }

            positions[i] = new JournalPosition(segment, offset, sequence++);
            offset += size;
        }

        return positions;
    }

    private static void AssertRecord(Appended expected, JournalPosition position, JournalRecord actual)
    {
        Assert.Equal(expected.Kind, actual.Kind);
        Assert.Equal(position, actual.Position);
        Assert.Equal(expected.RelativePath, actual.RelativePath);
        Assert.Equal(expected.ReplacedRelativePath, actual.ReplacedRelativePath);
        long utcTicks = expected.ReceivedAt.UtcTicks;
        Assert.Equal(new DateTimeOffset(utcTicks - (utcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero), actual.ReceivedAt);
        Assert.Equal(expected.Payload.Length, actual.PayloadLength);
        Assert.Equal(Size(expected), actual.Size);
    }

    /// <summary>The files under <paramref name="folder"/> this process holds open (Linux: /proc/self/fd).</summary>
    private static string[] OpenFilesUnder(string folder)
    {
        var open = new List<string>();
        foreach (string descriptor in Directory.EnumerateFileSystemEntries("/proc/self/fd"))
        {
            try
            {
                if (new FileInfo(descriptor).LinkTarget is string target &&
                    target.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                {
                    open.Add(target);
                }
            }
            catch (IOException)
            {
                // Closed while listed.
            }
        }

        return [.. open];
    }

    private static string SegmentFile(string folder, long number) => Path.Combine(folder, $"{number:D16}.segment");

    private static string[] Listing(string folder) =>
        [.. Directory.EnumerateFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    /// <summary>Inverts one byte of a file (a torn or rotted sector).</summary>
    private static void FlipByte(string file, long offset)
    {
        using var handle = File.OpenHandle(file, FileMode.Open, FileAccess.ReadWrite);
        byte[] one = new byte[1];
        Assert.Equal(1, RandomAccess.Read(handle, one, offset));
        one[0] ^= 0xFF;
        RandomAccess.Write(handle, one, offset);
    }

    /// <summary>Overwrites a range of a file with zeros (a write that never reached the disk).</summary>
    private static void Zero(string file, long offset, long count)
    {
        using var handle = File.OpenHandle(file, FileMode.Open, FileAccess.Write);
        RandomAccess.Write(handle, new byte[count], offset);
    }
}
