using PacsNode.Storage.Files;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Storage.Tests.Files;

/// <summary>Torn and stale records: what a crash leaves at the end of the journal.</summary>
public sealed partial class StoreJournalTests
{
    public enum Damage
    {
        PayloadByteFlipped,
        SequenceByteFlipped,
        WholeRecordZeroed,
        LastByteZeroed,
    }

    [Theory]
    [InlineData(Damage.PayloadByteFlipped)]
    [InlineData(Damage.SequenceByteFlipped)]
    [InlineData(Damage.WholeRecordZeroed)]
    [InlineData(Damage.LastByteZeroed)]
    public async Task Open_LastRecordTorn_PendingEndsBeforeItAndItsSequenceIsReused(Damage damage)
    {
        var ct = TestContext.Current.CancellationToken;
        using var temp = new TempDirectory("journal");
        var random = new Random(4);
        List<Appended> appended = [.. Enumerable.Range(0, 5).Select(i => Instance(i, RandomBytes(random, 2001 + i)))];
        JournalPosition[] positions = ExpectedPositions(appended, new JournalPosition(1, 0, 1));
        using (var journal = StoreJournal.Open(temp.FullPath, SegmentBytes))
        {
            foreach (Appended a in appended)
            {
                _ = await AppendAsync(journal, a, ct);
            }
        }

        string segment = SegmentFile(temp.FullPath, 1);
        long at = positions[4].Offset;
        long payloadAt = at + HeaderBytes + "study/series/0004.dcm".Length;
        switch (damage)
        {
            case Damage.PayloadByteFlipped:
                FlipByte(segment, payloadAt + 1000);
                break;
            case Damage.SequenceByteFlipped:
                FlipByte(segment, at + 8);
                break;
            case Damage.WholeRecordZeroed:
                Zero(segment, at, Size(appended[4]));
                break;
            case Damage.LastByteZeroed:
                Assert.NotEqual(0, appended[4].Payload[2004]);
                Zero(segment, payloadAt + 2004, 1);
                break;
        }

        Appended replacement = Instance(40, RandomBytes(random, 5000));
        using (var reopened = StoreJournal.Open(temp.FullPath, SegmentBytes))
        {
            Assert.Equal([1L, 2, 3, 4], reopened.Pending.Select(r => r.Position.Sequence));
            JournalRecord record = await AppendAsync(reopened, replacement, ct);
            Assert.Equal(positions[4], record.Position);
            Assert.Equal(2u, record.Epoch);
        }

        using var third = StoreJournal.Open(temp.FullPath, SegmentBytes);
        Assert.Equal(5, third.Pending.Count);
        for (int i = 0; i < 4; i++)
        {
            AssertRecord(appended[i], positions[i], third.Pending[i]);
            Assert.Equal(appended[i].Payload, third.ReadPayload(third.Pending[i]));
        }

        AssertRecord(replacement, positions[4], third.Pending[4]);
        Assert.Equal(replacement.Payload, third.ReadPayload(third.Pending[4]));
    }

    [Fact]
    public async Task Open_TornFirstRecordOfNextSegment_PendingEndsInPreviousSegment()
    {
        var ct = TestContext.Current.CancellationToken;
        using var temp = new TempDirectory("journal");
        var random = new Random(6);
        List<Appended> appended = [.. Enumerable.Range(0, 4).Select(i => Instance(i, RandomBytes(random, 20 * 1024)))];
        JournalPosition[] positions = ExpectedPositions(appended, new JournalPosition(1, 0, 1));
        Assert.Equal(new JournalPosition(2, 0, 4), positions[3]);
        using (var journal = StoreJournal.Open(temp.FullPath, SegmentBytes))
        {
            foreach (Appended a in appended)
            {
                _ = await AppendAsync(journal, a, ct);
            }
        }

        FlipByte(SegmentFile(temp.FullPath, 2), 100);

        Appended again = Instance(4, RandomBytes(random, 20 * 1024));
        using (var reopened = StoreJournal.Open(temp.FullPath, SegmentBytes))
        {
            Assert.Equal([1L, 2, 3], reopened.Pending.Select(r => r.Position.Sequence));
            Assert.Equal(new JournalPosition(2, 0, 4), (await AppendAsync(reopened, again, ct)).Position);
        }

        using var third = StoreJournal.Open(temp.FullPath, SegmentBytes);
        Assert.Equal([1L, 2, 3, 4], third.Pending.Select(r => r.Position.Sequence));
        Assert.Equal(again.Payload, third.ReadPayload(third.Pending[3]));
    }

    [Fact]
    public async Task Open_OlderRecordAfterRewrittenTornRecord_IsNotReplayed()
    {
        var ct = TestContext.Current.CancellationToken;
        using var temp = new TempDirectory("journal");
        var random = new Random(10);
        Appended a = Instance(1, RandomBytes(random, 300));
        Appended b = Instance(2, RandomBytes(random, 500));
        Appended c = Instance(3, RandomBytes(random, 700));
        JournalRecord recordB, recordC;
        using (var journal = StoreJournal.Open(temp.FullPath, SegmentBytes))
        {
            _ = await AppendAsync(journal, a, ct);
            recordB = await AppendAsync(journal, b, ct);
            recordC = await AppendAsync(journal, c, ct);
        }

        // B is lost in the crash, C (written after it, not yet flushed) reached the disk.
        FlipByte(SegmentFile(temp.FullPath, 1), recordB.PayloadOffset + 10);

        // B' has B's size, so it ends exactly where C's old bytes begin; C's sequence, 3, is the next one expected.
        Appended bPrime = Instance(9, RandomBytes(random, 500));
        using (var second = StoreJournal.Open(temp.FullPath, SegmentBytes))
        {
            Assert.Equal([1L], second.Pending.Select(r => r.Position.Sequence));
            JournalRecord written = await AppendAsync(second, bPrime, ct);
            Assert.Equal(recordB.Position, written.Position);
            Assert.Equal(recordC.Position.Offset, written.Position.Offset + written.Size);
        }

        using var third = StoreJournal.Open(temp.FullPath, SegmentBytes);
        Assert.Equal([1L, 2], third.Pending.Select(r => r.Position.Sequence));
        Assert.Equal(bPrime.RelativePath, third.Pending[1].RelativePath);
        Assert.Equal(bPrime.Payload, third.ReadPayload(third.Pending[1]));
        Assert.Equal(recordC.Position, (await AppendAsync(third, Instance(4, [4]), ct)).Position);
    }

    [Fact]
    public async Task Open_CheckpointAtOlderRecordAfterRewrittenTornRecord_DoesNotReplayIt()
    {
        var ct = TestContext.Current.CancellationToken;
        using var temp = new TempDirectory("journal");
        var random = new Random(11);
        Appended a = Instance(1, RandomBytes(random, 300));
        Appended b = Instance(2, RandomBytes(random, 500));
        Appended c = Instance(3, RandomBytes(random, 700));
        JournalRecord recordB, recordC;
        using (var journal = StoreJournal.Open(temp.FullPath, SegmentBytes))
        {
            _ = await AppendAsync(journal, a, ct);
            recordB = await AppendAsync(journal, b, ct);
            recordC = await AppendAsync(journal, c, ct);
        }

        FlipByte(SegmentFile(temp.FullPath, 1), recordB.PayloadOffset + 10);

        // As above, but the second run replays A, stores B', and checkpoints past both before it crashes: the
        // checkpoint then points at C's old bytes, which carry the very sequence (3) it expects next.
        using (var second = StoreJournal.Open(temp.FullPath, SegmentBytes))
        {
            second.MarkApplied(Assert.Single(second.Pending));
            second.MarkApplied(await AppendAsync(second, Instance(9, RandomBytes(random, 500)), ct));
            Assert.Equal(recordC.Position, second.NextCheckpoint());
            second.Advance(second.NextCheckpoint());
        }

        Appended d = Instance(4, RandomBytes(random, 100));
        using (var third = StoreJournal.Open(temp.FullPath, SegmentBytes))
        {
            Assert.Empty(third.Pending);
            Assert.Equal(recordC.Position, (await AppendAsync(third, d, ct)).Position);
        }

        using var fourth = StoreJournal.Open(temp.FullPath, SegmentBytes);
        JournalRecord only = Assert.Single(fourth.Pending);
        Assert.Equal(d.RelativePath, only.RelativePath);
        Assert.Equal(d.Payload, fourth.ReadPayload(only));
    }
}
