using System.Buffers.Binary;
using System.Text;
using PacsNode.Storage.Files;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Storage.Tests.Files;

/// <summary>
/// The store journal on its own, with 64 KiB segments (the smallest allowed: payloads up to 32 KiB) so that records
/// move to the next segment and spent segments are recycled within a few records. Expected positions come from the
/// documented layout (48-byte header, the two UTF-8 paths, the payload, padding to 8), computed here, not by the
/// journal's own helpers.
/// </summary>
public sealed partial class StoreJournalTests
{
    private const long SegmentBytes = 64 * 1024;
    private const int HeaderBytes = 48;

    [Fact]
    public void Open_NewFolder_CreatesCheckpointAndFirstSegment()
    {
        using var temp = new TempDirectory("journal");
        string folder = temp.Combine("journal");

        using (var journal = StoreJournal.Open(folder, SegmentBytes))
        {
            Assert.Empty(journal.Pending);
            Assert.Equal(new JournalPosition(1, 0, 1), journal.CheckpointPosition);
            Assert.Equal(SegmentBytes / 2, journal.MaxPayload);
        }

        Assert.Equal(["0000000000000001.segment", "checkpoint"], Listing(folder));
        Assert.Equal(SegmentBytes, new FileInfo(SegmentFile(folder, 1)).Length);
    }

    [Fact]
    public void Open_FolderHeldByAnOpenJournal_ThrowsNamingTheCheckpointFileAndTheCause()
    {
        using var temp = new TempDirectory("journal");
        string folder = temp.Combine("journal");
        using var first = StoreJournal.Open(folder, SegmentBytes);

        var error = Assert.Throws<IOException>(() => StoreJournal.Open(folder, SegmentBytes));

        Assert.Contains(Path.Combine(folder, JournalCheckpoint.FileName), error.Message, StringComparison.Ordinal);
        Assert.Contains("another pacsnode", error.Message, StringComparison.Ordinal);
        Assert.Empty(first.Pending); // the first journal is untouched and still usable
    }

    [Fact]
    public void Open_SegmentBytesBelow64KiB_Throws()
    {
        using var temp = new TempDirectory("journal");

        _ = Assert.Throws<ArgumentOutOfRangeException>(() => StoreJournal.Open(temp.FullPath, SegmentBytes - 1));
    }

    [Fact]
    public async Task AppendAsync_ThenReopen_PendingListsEveryRecordWithItsBytes()
    {
        var ct = TestContext.Current.CancellationToken;
        using var temp = new TempDirectory("journal");
        var random = new Random(1);
        var expected = new List<Appended>();
        for (int i = 0; i < 60; i++)
        {
            // Every fifth a reference (no payload), every third replacing another copy; sizes up to 12 KiB, so the
            // 60 records fill several segments and some do not fit at the end of one.
            JournalRecordKind kind = i % 5 == 4 ? JournalRecordKind.Reference : JournalRecordKind.Instance;
            byte[] payload = kind == JournalRecordKind.Reference ? [] : RandomBytes(random, random.Next(0, 12 * 1024));
            string? replaced = i % 3 == 0 ? $"1.2.3/1.2.3.{i}/old-é{i}.dcm" : null;
            expected.Add(new Appended(kind, $"1.2.3/1.2.3.{i}/1.2.3.{i}.{i}.dcm", replaced, Received(i), payload));
        }

        JournalPosition[] positions = ExpectedPositions(expected, new JournalPosition(1, 0, 1));
        Assert.True(positions[^1].Segment >= 4, "the records must span several segments");

        using (var journal = StoreJournal.Open(temp.FullPath, SegmentBytes))
        {
            for (int i = 0; i < expected.Count; i++)
            {
                JournalRecord record = await AppendAsync(journal, expected[i], ct);
                Assert.Equal(positions[i], record.Position);
                Assert.Equal(1u, record.Epoch);
            }

            Assert.Equal(60, journal.AppendedSinceOpen);
        }

        using var reopened = StoreJournal.Open(temp.FullPath, SegmentBytes);
        Assert.Equal(expected.Count, reopened.Pending.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            AssertRecord(expected[i], positions[i], reopened.Pending[i]);
            Assert.Equal(ReceivedKept(i), reopened.Pending[i].ReceivedAt);
            Assert.Equal(1u, reopened.Pending[i].Epoch);
            Assert.Equal(expected[i].Payload, reopened.ReadPayload(reopened.Pending[i]));
        }

        Assert.Equal(0, reopened.AppendedSinceOpen);
    }

    [Fact]
    public async Task AppendAsync_Record_OnDiskBytesFollowDocumentedLayout()
    {
        var ct = TestContext.Current.CancellationToken;
        using var temp = new TempDirectory("journal");
        byte[] payload = RandomBytes(new Random(5), 1001);
        var appended = new Appended(JournalRecordKind.Instance, "s/é/x.dcm", "s/old.dcm", Received(7), payload);
        using (var journal = StoreJournal.Open(temp.FullPath, SegmentBytes))
        {
            _ = await AppendAsync(journal, appended with { RelativePath = "a" }, ct);
            _ = await AppendAsync(journal, appended, ct);
        }

        byte[] segment = await File.ReadAllBytesAsync(SegmentFile(temp.FullPath, 1), ct);
        long offset = Size(appended with { RelativePath = "a" });
        Span<byte> record = segment.AsSpan((int)offset);
        byte[] path = Encoding.UTF8.GetBytes("s/é/x.dcm");
        byte[] replaced = Encoding.UTF8.GetBytes("s/old.dcm");

        Assert.Equal("PNJR"u8.ToArray(), record[..4].ToArray());
        Assert.Equal(1u, BinaryPrimitives.ReadUInt32LittleEndian(record[4..]));
        Assert.Equal(2L, BinaryPrimitives.ReadInt64LittleEndian(record[8..]));
        Assert.Equal(1_790_000_007_123L, BinaryPrimitives.ReadInt64LittleEndian(record[16..]));
        Assert.Equal(1001L, BinaryPrimitives.ReadInt64LittleEndian(record[24..]));
        Assert.Equal(path.Length, BinaryPrimitives.ReadUInt16LittleEndian(record[32..]));
        Assert.Equal(replaced.Length, BinaryPrimitives.ReadUInt16LittleEndian(record[34..]));
        Assert.Equal((byte)JournalRecordKind.Instance, record[36]);
        Assert.Equal([0, 0, 0], record[37..40].ToArray());
        Assert.Equal(0u, BinaryPrimitives.ReadUInt32LittleEndian(record[44..]));
        Assert.Equal(path, record.Slice(HeaderBytes, path.Length).ToArray());
        Assert.Equal(replaced, record.Slice(HeaderBytes + path.Length, replaced.Length).ToArray());
        int payloadAt = HeaderBytes + path.Length + replaced.Length;
        Assert.Equal(payload, record.Slice(payloadAt, payload.Length).ToArray());

        // The CRC covers the payload, then header bytes 0..39, then the paths.
        byte[] covered = [.. payload, .. record[..40], .. path, .. replaced];
        Assert.Equal(Crc32C.ComputeWithTable(covered), BinaryPrimitives.ReadUInt32LittleEndian(record[40..]));

        // Padding to a multiple of 8, then nothing: the rest of the preallocated segment is still zeros.
        int end = payloadAt + payload.Length;
        Assert.Equal(-1, record[end..].IndexOfAnyExcept((byte)0));
    }

    [Fact]
    public async Task Advance_AllApplied_ReopenFindsNothingAndSequenceContinues()
    {
        var ct = TestContext.Current.CancellationToken;
        using var temp = new TempDirectory("journal");
        var random = new Random(2);
        List<Appended> first = [.. Enumerable.Range(0, 12).Select(i => Instance(i, RandomBytes(random, 9000)))];
        JournalPosition[] positions = ExpectedPositions([.. first, Instance(12, [1, 2, 3])], new JournalPosition(1, 0, 1));
        using (var journal = StoreJournal.Open(temp.FullPath, SegmentBytes))
        {
            foreach (Appended appended in first)
            {
                journal.MarkApplied(await AppendAsync(journal, appended, ct));
            }

            JournalPosition next = journal.NextCheckpoint();
            Assert.Equal(positions[12], next);
            journal.Advance(next);
            Assert.Equal(next, journal.CheckpointPosition);
        }

        using (var reopened = StoreJournal.Open(temp.FullPath, SegmentBytes))
        {
            Assert.Empty(reopened.Pending);
            Assert.Equal(positions[12], reopened.CheckpointPosition);
            JournalRecord record = await AppendAsync(reopened, Instance(12, [1, 2, 3]), ct);
            Assert.Equal(positions[12], record.Position);
            Assert.Equal(2u, record.Epoch);
        }

        using var third = StoreJournal.Open(temp.FullPath, SegmentBytes);
        JournalRecord only = Assert.Single(third.Pending);
        AssertRecord(Instance(12, [1, 2, 3]), positions[12], only);
        Assert.Equal([1, 2, 3], third.ReadPayload(only));
    }

    [Fact]
    public async Task NextCheckpoint_UnappliedRecordInMiddle_ReplayStartsAtIt()
    {
        var ct = TestContext.Current.CancellationToken;
        using var temp = new TempDirectory("journal");
        var random = new Random(3);
        List<Appended> appended = [.. Enumerable.Range(0, 10).Select(i => Instance(i, RandomBytes(random, 7000 + i)))];
        JournalPosition[] positions = ExpectedPositions(appended, new JournalPosition(1, 0, 1));
        using (var journal = StoreJournal.Open(temp.FullPath, SegmentBytes))
        {
            var records = new List<JournalRecord>();
            foreach (Appended a in appended)
            {
                records.Add(await AppendAsync(journal, a, ct));
            }

            // Records 7 and 9 (sequences 7, 9) stay unapplied: the checkpoint may go up to record 7, not past it.
            foreach (JournalRecord record in records.Where(r => r.Position.Sequence is not 7 and not 9))
            {
                journal.MarkApplied(record);
            }

            Assert.Equal(positions[6], journal.NextCheckpoint());
            journal.Advance(journal.NextCheckpoint());
        }

        using var reopened = StoreJournal.Open(temp.FullPath, SegmentBytes);
        Assert.Equal(positions[6], reopened.CheckpointPosition);
        Assert.Equal([7L, 8, 9, 10], reopened.Pending.Select(r => r.Position.Sequence));
        for (int i = 6; i < 10; i++)
        {
            AssertRecord(appended[i], positions[i], reopened.Pending[i - 6]);
            Assert.Equal(appended[i].Payload, reopened.ReadPayload(reopened.Pending[i - 6]));
        }
    }

    [Fact]
    public async Task Advance_ToPendingRecordOfEarlierOpening_ReopenStillReplaysIt()
    {
        var ct = TestContext.Current.CancellationToken;
        using var temp = new TempDirectory("journal");
        List<Appended> appended = [.. Enumerable.Range(0, 4).Select(i => Instance(i, [(byte)i, 9]))];
        JournalPosition[] positions = ExpectedPositions(appended, new JournalPosition(1, 0, 1));
        using (var journal = StoreJournal.Open(temp.FullPath, SegmentBytes))
        {
            foreach (Appended a in appended)
            {
                _ = await AppendAsync(journal, a, ct);
            }
        }

        using (var second = StoreJournal.Open(temp.FullPath, SegmentBytes))
        {
            // The replay of the first two is done; the third (written in the first opening, epoch 1) is not.
            second.MarkApplied(second.Pending[0]);
            second.MarkApplied(second.Pending[1]);
            Assert.Equal(positions[2], second.NextCheckpoint());
            second.Advance(second.NextCheckpoint());
        }

        // Generations 1 (first opening), 2 (second opening) and 3 (the advance, in the slot at 4096): epoch 2, and the
        // least epoch of the record at the position is 1, that of record 3.
        byte[] checkpoint = await File.ReadAllBytesAsync(Path.Combine(temp.FullPath, "checkpoint"), ct);
        Span<byte> slot = checkpoint.AsSpan(4096, 52);
        Assert.Equal(3L, BinaryPrimitives.ReadInt64LittleEndian(slot[8..]));
        Assert.Equal(2u, BinaryPrimitives.ReadUInt32LittleEndian(slot[16..]));
        Assert.Equal(1u, BinaryPrimitives.ReadUInt32LittleEndian(slot[20..]));
        Assert.Equal(positions[2].Segment, BinaryPrimitives.ReadInt64LittleEndian(slot[24..]));
        Assert.Equal(positions[2].Offset, BinaryPrimitives.ReadInt64LittleEndian(slot[32..]));
        Assert.Equal(3L, BinaryPrimitives.ReadInt64LittleEndian(slot[40..]));
        Assert.Equal(Crc32C.ComputeWithTable(slot[..48]), BinaryPrimitives.ReadUInt32LittleEndian(slot[48..]));

        using var third = StoreJournal.Open(temp.FullPath, SegmentBytes);
        Assert.Equal([3L, 4], third.Pending.Select(r => r.Position.Sequence));
        Assert.All(third.Pending, r => Assert.Equal(1u, r.Epoch));
        Assert.Equal([3, 9], third.ReadPayload(third.Pending[1]));
    }

    [Fact]
    public async Task AppendAsync_ConcurrentAppends_GetSequencesOneToNAndAllReplay()
    {
        var ct = TestContext.Current.CancellationToken;
        using var temp = new TempDirectory("journal");
        var random = new Random(8);
        List<Appended> appended = [.. Enumerable.Range(0, 32).Select(i => Instance(i, RandomBytes(random, 1000 + (97 * i))))];
        JournalRecord[] records;
        using (var journal = StoreJournal.Open(temp.FullPath, SegmentBytes))
        {
            records = await Task.WhenAll(appended.Select(a => Task.Run(() => AppendAsync(journal, a, ct), ct)));
        }

        Assert.Equal(Enumerable.Range(1, 32).Select(i => (long)i), records.Select(r => r.Position.Sequence).Order());

        // Whatever order the appends took the lock in, the records lie back to back in sequence order.
        var byPath = appended.ToDictionary(a => a.RelativePath);
        List<Appended> inSequence = [.. records.OrderBy(r => r.Position.Sequence).Select(r => byPath[r.RelativePath])];
        JournalPosition[] positions = ExpectedPositions(inSequence, new JournalPosition(1, 0, 1));
        Assert.True(positions[^1].Segment >= 2, "the appends must switch segments");
        Assert.Equal(positions, records.OrderBy(r => r.Position.Sequence).Select(r => r.Position));

        using var reopened = StoreJournal.Open(temp.FullPath, SegmentBytes);
        Assert.Equal(32, reopened.Pending.Count);
        for (int i = 0; i < 32; i++)
        {
            AssertRecord(inSequence[i], positions[i], reopened.Pending[i]);
            Assert.Equal(inSequence[i].Payload, reopened.ReadPayload(reopened.Pending[i]));
        }
    }

    [Fact]
    public async Task AppendAsync_PayloadOverMaxPayload_ThrowsArgumentException()
    {
        var ct = TestContext.Current.CancellationToken;
        using var temp = new TempDirectory("journal");
        using var journal = StoreJournal.Open(temp.FullPath, SegmentBytes);
        byte[] half = new byte[(SegmentBytes / 4) + 1];

        // Two blocks of 16 KiB + 1 each: one byte over the 32 KiB limit in total.
        _ = await Assert.ThrowsAsync<ArgumentException>(async () => await journal.AppendAsync(
            JournalRecordKind.Instance, "a/b/c.dcm", null, Received(0), [half, half], ct));
        Assert.Equal(0, journal.AppendedSinceOpen);
        Assert.Equal(new JournalPosition(1, 0, 1), journal.NextCheckpoint());
    }

    [Fact]
    public async Task AppendAsync_RecordLargerThanSegment_ThrowsArgumentException()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        using var temp = new TempDirectory("journal");
        using var journal = StoreJournal.Open(temp.FullPath, SegmentBytes);

        // A payload within the limit, but with a 40 000-byte path the record (72 816 bytes) fits in no segment.
        _ = await Assert.ThrowsAsync<ArgumentException>(async () => await journal.AppendAsync(
            JournalRecordKind.Instance, new string('a', 40_000), null, Received(0), [new byte[SegmentBytes / 2]], timeout.Token));
        Assert.Equal(0, journal.AppendedSinceOpen);
        Assert.Equal(["0000000000000001.segment", "checkpoint"], Listing(temp.FullPath));
    }

    [Fact]
    public async Task AppendAsync_EmptyPath_ThrowsArgumentExceptionAndLaterRecordsReplay()
    {
        var ct = TestContext.Current.CancellationToken;
        using var temp = new TempDirectory("journal");
        using (var journal = StoreJournal.Open(temp.FullPath, SegmentBytes))
        {
            // A record without a path reads back as the end of the journal: it must not be written at all.
            _ = await Assert.ThrowsAsync<ArgumentException>(async () => await journal.AppendAsync(
                JournalRecordKind.Instance, "", null, Received(0), [new byte[10]], ct));
            _ = await AppendAsync(journal, Instance(1, [1]), ct);
        }

        using var reopened = StoreJournal.Open(temp.FullPath, SegmentBytes);
        JournalRecord only = Assert.Single(reopened.Pending);
        Assert.Equal(new JournalPosition(1, 0, 1), only.Position);
    }

    [Fact]
    public async Task AppendAsync_PayloadOfMaxPayload_IsReplayed()
    {
        var ct = TestContext.Current.CancellationToken;
        using var temp = new TempDirectory("journal");
        byte[] payload = RandomBytes(new Random(9), (int)(SegmentBytes / 2));
        using (var journal = StoreJournal.Open(temp.FullPath, SegmentBytes))
        {
            // The second one does not fit after the first and goes to the start of segment 2.
            _ = await AppendAsync(journal, Instance(0, payload), ct);
            JournalRecord second = await AppendAsync(journal, Instance(1, payload), ct);
            Assert.Equal(new JournalPosition(2, 0, 2), second.Position);
        }

        using var reopened = StoreJournal.Open(temp.FullPath, SegmentBytes);
        Assert.Equal(2, reopened.Pending.Count);
        Assert.Equal(payload, reopened.ReadPayload(reopened.Pending[0]));
        Assert.Equal(payload, reopened.ReadPayload(reopened.Pending[1]));
    }

    [Fact]
    public async Task AppendAsync_AfterDispose_ThrowsIOException()
    {
        var ct = TestContext.Current.CancellationToken;
        using var temp = new TempDirectory("journal");
        var journal = StoreJournal.Open(temp.FullPath, SegmentBytes);
        journal.Dispose();

        _ = await Assert.ThrowsAsync<IOException>(async () => await AppendAsync(journal, Instance(0, [1]), ct));
    }

    [Fact]
    public async Task FlushSoonAsync_ConcurrentWrites_EveryRequestCompletesWithItsRecordFlushed()
    {
        var ct = TestContext.Current.CancellationToken;
        using var temp = new TempDirectory("journal");
        using var journal = StoreJournal.Open(temp.FullPath, SegmentBytes);
        JournalRecord[] records = await Task.WhenAll(Enumerable.Range(0, 32).Select(i => Task.Run(
            async () =>
            {
                Appended a = Instance(i, RandomBytes(new Random(i), 500 + (31 * i)));
                JournalRecord record = await journal.WriteAsync(a.Kind, a.RelativePath, null, a.ReceivedAt, [a.Payload], ct);
                await journal.FlushSoonAsync(record).WaitAsync(TimeSpan.FromSeconds(20), ct);
                return record;
            },
            ct)));

        // A flush already covers each of them: asking again completes at once, without another fsync.
        Assert.All(records, r => Assert.True(journal.FlushAsync(r).AsTask().IsCompletedSuccessfully));
    }

    [Fact]
    public async Task FlushSoonAsync_AfterDispose_FailsInsteadOfWaiting()
    {
        var ct = TestContext.Current.CancellationToken;
        using var temp = new TempDirectory("journal");
        var journal = StoreJournal.Open(temp.FullPath, SegmentBytes);
        Appended a = Instance(0, [1, 2, 3]);
        JournalRecord record = await journal.WriteAsync(a.Kind, a.RelativePath, null, a.ReceivedAt, [a.Payload], ct);
        await journal.FlushSoonAsync(record).WaitAsync(TimeSpan.FromSeconds(20), ct); // starts the flusher thread
        journal.Dispose(); // ends it

        _ = await Assert.ThrowsAsync<IOException>(() => journal.FlushSoonAsync(record));
        journal.Dispose(); // a second Dispose is harmless
    }

    [Fact]
    public async Task FlushSoonAsync_DeviceFlushFails_FailsNamingTheJournalAndStopsEveryLaterAppend()
    {
        var ct = TestContext.Current.CancellationToken;
        using var temp = new TempDirectory("journal");
        using var journal = StoreJournal.Open(temp.FullPath, SegmentBytes);
        Appended first = Instance(0, [1, 2, 3]);
        JournalRecord flushed = await journal.WriteAsync(first.Kind, first.RelativePath, null, first.ReceivedAt, [first.Payload], ct);
        await journal.FlushSoonAsync(flushed).WaitAsync(TimeSpan.FromSeconds(20), ct);

        journal.FlushSegment = _ => throw new IOException("injected: EIO from fsync");
        Appended second = Instance(1, [4, 5, 6]);
        JournalRecord failed = await journal.WriteAsync(second.Kind, second.RelativePath, null, second.ReceivedAt, [second.Payload], ct);
        IOException error = await Assert.ThrowsAsync<IOException>(() => journal.FlushSoonAsync(failed).WaitAsync(TimeSpan.FromSeconds(20), ct));
        Assert.Contains(temp.FullPath, error.Message, StringComparison.Ordinal);
        Assert.Contains("stopped", error.Message, StringComparison.Ordinal);
        Assert.Equal("injected: EIO from fsync", error.InnerException?.Message);

        // fsyncgate: a later fsync could succeed without the pages the failed one lost, so nothing is acknowledged
        // again, even with a working device, until a restart replays the journal.
        journal.FlushSegment = RandomAccess.FlushToDisk;
        _ = await Assert.ThrowsAsync<IOException>(async () => await AppendAsync(journal, Instance(2, [7]), ct));
        _ = await Assert.ThrowsAsync<IOException>(() => journal.FlushSoonAsync(failed));
        Assert.True(journal.FlushAsync(flushed).AsTask().IsCompletedSuccessfully, "what was flushed before stays acknowledged");
    }
}
