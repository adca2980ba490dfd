using PacsNode.Storage.Files;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Storage.Tests.Files;

/// <summary>Segment recycling and the checkpoint file.</summary>
public sealed partial class StoreJournalTests
{
    /// <summary>20 KiB payloads with 21-byte paths: 20 552-byte records, three to a 64 KiB segment.</summary>
    private const int ThirdOfSegment = 20 * 1024;

    [Fact]
    public async Task Advance_PastSegments_RenamesThemSparesThatLaterSegmentsReuse()
    {
        var ct = TestContext.Current.CancellationToken;
        using var temp = new TempDirectory("journal");
        var random = new Random(12);
        byte[] spare;
        using (var journal = StoreJournal.Open(temp.FullPath, SegmentBytes))
        {
            for (int i = 0; i < 4; i++)
            {
                journal.MarkApplied(await AppendAsync(journal, Instance(i, RandomBytes(random, ThirdOfSegment)), ct));
            }

            // Records 1-3 fill segment 1, record 4 starts segment 2.
            Assert.Equal(new JournalPosition(2, 20_552, 5), journal.NextCheckpoint());
            journal.Advance(journal.NextCheckpoint());
            Assert.Equal(["0000000000000002.segment", "checkpoint", "spare-0000000000000001.segment"], Listing(temp.FullPath));
            spare = await File.ReadAllBytesAsync(Path.Combine(temp.FullPath, "spare-0000000000000001.segment"), ct);

            // Record 5 takes segment 2 past half, which prepares segment 3 from the spare; record 7 starts segment 3.
            for (int i = 4; i < 7; i++)
            {
                _ = await AppendAsync(journal, Instance(i, RandomBytes(random, ThirdOfSegment)), ct);
            }

            Assert.Equal(["0000000000000002.segment", "0000000000000003.segment", "checkpoint"], Listing(temp.FullPath));
        }

        // Segment 3 is the old segment 1: record 7 over record 1, and records 2 and 3 still behind it.
        byte[] third = await File.ReadAllBytesAsync(SegmentFile(temp.FullPath, 3), ct);
        Assert.Equal(spare.AsSpan(20_552, 2 * 20_552).ToArray(), third.AsSpan(20_552, 2 * 20_552).ToArray());
        Assert.NotEqual(spare.AsSpan(0, 20_552).ToArray(), third.AsSpan(0, 20_552).ToArray());
    }

    [Fact]
    public async Task Advance_ManyRounds_FolderStaysBounded()
    {
        var ct = TestContext.Current.CancellationToken;
        using var temp = new TempDirectory("journal");
        var random = new Random(13);
        using var journal = StoreJournal.Open(temp.FullPath, SegmentBytes);
        int maxFiles = 0;
        for (int round = 0; round < 40; round++)
        {
            for (int i = 0; i < 4; i++)
            {
                journal.MarkApplied(await AppendAsync(journal, Instance(i, RandomBytes(random, ThirdOfSegment)), ct));
            }

            journal.Advance(journal.NextCheckpoint());
            maxFiles = Math.Max(maxFiles, Directory.EnumerateFiles(temp.FullPath).Count());
        }

        // 160 records of a third of a segment: 54 segments written. At any time there are the checkpoint, the current
        // segment, the next one (prepared, or being prepared) and the spares not yet reused: one or two.
        Assert.Equal(new JournalPosition(54, 20_552, 161), journal.NextCheckpoint());
        Assert.InRange(maxFiles, 3, 5);
    }

    [Fact]
    public async Task Open_SegmentsBeyondTornTailAndSpares_KeepsEveryLaterRecord()
    {
        var ct = TestContext.Current.CancellationToken;
        using var temp = new TempDirectory("journal");
        var random = new Random(14);
        JournalRecord torn;
        using (var journal = StoreJournal.Open(temp.FullPath, SegmentBytes))
        {
            // Records 1-3 in segment 1, 4-6 in segment 2, 7 starts segment 3.
            var records = new List<JournalRecord>();
            for (int i = 0; i < 7; i++)
            {
                records.Add(await AppendAsync(journal, Instance(i, RandomBytes(random, ThirdOfSegment)), ct));
            }

            records.Take(6).ToList().ForEach(journal.MarkApplied);
            journal.Advance(journal.NextCheckpoint()); // segments 1 and 2 become spares

            // Record 8 prepares segment 4 from spare 1, record 9 fills segment 3, record 10 starts segment 4.
            _ = await AppendAsync(journal, Instance(7, RandomBytes(random, ThirdOfSegment)), ct);
            torn = await AppendAsync(journal, Instance(8, RandomBytes(random, ThirdOfSegment)), ct);
            Assert.Equal(new JournalPosition(4, 0, 10), (await AppendAsync(journal, Instance(9, RandomBytes(random, ThirdOfSegment)), ct)).Position);
        }

        // Record 9 is torn: segment 4 (holding record 10) now lies beyond the end of the journal.
        FlipByte(SegmentFile(temp.FullPath, 3), torn.PayloadOffset);
        Assert.Equal(
            ["0000000000000003.segment", "0000000000000004.segment", "checkpoint", "spare-0000000000000002.segment"],
            Listing(temp.FullPath));

        List<Appended> later = [.. Enumerable.Range(20, 5).Select(i => Instance(i, RandomBytes(random, ThirdOfSegment)))];
        using (var second = StoreJournal.Open(temp.FullPath, SegmentBytes))
        {
            Assert.Equal([7L, 8], second.Pending.Select(r => r.Position.Sequence));

            // 9 ends segment 3, 10-12 fill segment 4, 13 starts segment 5: preparing 5 must not take the live 4.
            JournalPosition[] expected = ExpectedPositions(later, new JournalPosition(3, 2 * 20_552, 9));
            for (int i = 0; i < later.Count; i++)
            {
                Assert.Equal(expected[i], (await AppendAsync(second, later[i], ct)).Position);
            }
        }

        using var third = StoreJournal.Open(temp.FullPath, SegmentBytes);
        Assert.Equal([7L, 8, 9, 10, 11, 12, 13], third.Pending.Select(r => r.Position.Sequence));
        for (int i = 0; i < later.Count; i++)
        {
            Assert.Equal(later[i].RelativePath, third.Pending[i + 2].RelativePath);
            Assert.Equal(later[i].Payload, third.ReadPayload(third.Pending[i + 2]));
        }
    }

    [Fact]
    public async Task Dispose_NextSegmentPrepared_ClosesItAndReopenSucceeds()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "Reads the process's open files from /proc/self/fd.");
        var ct = TestContext.Current.CancellationToken;
        using var temp = new TempDirectory("journal");
        var random = new Random(15);
        string next = SegmentFile(temp.FullPath, 2);
        using (var journal = StoreJournal.Open(temp.FullPath, SegmentBytes))
        {
            // Two records take segment 1 past half: segment 2 is prepared in the background and held open.
            _ = await AppendAsync(journal, Instance(0, RandomBytes(random, ThirdOfSegment)), ct);
            _ = await AppendAsync(journal, Instance(1, RandomBytes(random, ThirdOfSegment)), ct);
            while (!OpenFilesUnder(temp.FullPath).Contains(next))
            {
                await Task.Delay(5, ct);
            }
        }

        Assert.Empty(OpenFilesUnder(temp.FullPath));

        // Reopening reads past segment 1's last record into segment 2, which a leftover handle would keep locked.
        using var reopened = StoreJournal.Open(temp.FullPath, SegmentBytes);
        Assert.Equal([1L, 2], reopened.Pending.Select(r => r.Position.Sequence));
    }

    [Fact]
    public async Task Dispose_NextSegmentBeingPrepared_ClosesItWhenPrepared()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "Reads the process's open files from /proc/self/fd.");
        var ct = TestContext.Current.CancellationToken;
        using var temp = new TempDirectory("journal");
        var random = new Random(16);
        using (var journal = StoreJournal.Open(temp.FullPath, SegmentBytes))
        {
            _ = await AppendAsync(journal, Instance(0, RandomBytes(random, ThirdOfSegment)), ct);
            _ = await AppendAsync(journal, Instance(1, RandomBytes(random, ThirdOfSegment)), ct);
        }

        // Disposed at once, most likely while segment 2 is still being written: its handle is closed when it is ready.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        while (!File.Exists(SegmentFile(temp.FullPath, 2)) || OpenFilesUnder(temp.FullPath).Length > 0)
        {
            await Task.Delay(5, timeout.Token);
        }

        using var reopened = StoreJournal.Open(temp.FullPath, SegmentBytes);
        Assert.Equal(2, reopened.Pending.Count);
    }

    [Fact]
    public async Task Open_BothCheckpointSlotsCorrupt_ThrowsNamingCheckpointFile()
    {
        var ct = TestContext.Current.CancellationToken;
        using var temp = new TempDirectory("journal");
        using (var journal = StoreJournal.Open(temp.FullPath, SegmentBytes))
        {
            journal.MarkApplied(await AppendAsync(journal, Instance(0, [1]), ct));
            journal.Advance(journal.NextCheckpoint()); // the second slot written
        }

        string checkpoint = Path.Combine(temp.FullPath, "checkpoint");
        FlipByte(checkpoint, 24);
        FlipByte(checkpoint, 4096 + 24);

        IOException error = Assert.Throws<IOException>(() => StoreJournal.Open(temp.FullPath, SegmentBytes));
        Assert.Contains(checkpoint, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_NewestCheckpointSlotCorrupt_ReplaysFromOlderSlot()
    {
        var ct = TestContext.Current.CancellationToken;
        using var temp = new TempDirectory("journal");
        using (var journal = StoreJournal.Open(temp.FullPath, SegmentBytes))
        {
            // Generation 1 (slot at 4096): start of the journal. Generation 2 (slot at 0): after both records.
            journal.MarkApplied(await AppendAsync(journal, Instance(0, [1]), ct));
            journal.MarkApplied(await AppendAsync(journal, Instance(1, [2]), ct));
            journal.Advance(journal.NextCheckpoint());
        }

        FlipByte(Path.Combine(temp.FullPath, "checkpoint"), 40);

        using var reopened = StoreJournal.Open(temp.FullPath, SegmentBytes);
        Assert.Equal(new JournalPosition(1, 0, 1), reopened.CheckpointPosition);
        Assert.Equal([1L, 2], reopened.Pending.Select(r => r.Position.Sequence));
    }

    [Fact]
    public async Task Open_EmptyCheckpointFileAndNoSegments_StartsNew()
    {
        var ct = TestContext.Current.CancellationToken;
        using var temp = new TempDirectory("journal");
        await File.WriteAllBytesAsync(Path.Combine(temp.FullPath, "checkpoint"), [], ct);

        using (var journal = StoreJournal.Open(temp.FullPath, SegmentBytes))
        {
            Assert.Empty(journal.Pending);
            Assert.Equal(new JournalPosition(1, 0, 1), journal.CheckpointPosition);
            Assert.Equal(new JournalPosition(1, 0, 1), (await AppendAsync(journal, Instance(0, [7]), ct)).Position);
        }

        using var reopened = StoreJournal.Open(temp.FullPath, SegmentBytes);
        Assert.Equal([7], reopened.ReadPayload(Assert.Single(reopened.Pending)));
    }
}
