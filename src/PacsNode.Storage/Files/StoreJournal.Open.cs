namespace PacsNode.Storage.Files;

/// <summary>Opening the journal: finding the records after the checkpoint and where the next one goes.</summary>
internal sealed partial class StoreJournal
{
    private static StoreJournal OpenFrom(string folder, long segmentBytes, JournalCheckpoint checkpoint)
    {
        var numbers = new SortedSet<long>();
        var spares = new List<string>();
        foreach (string file in Directory.EnumerateFiles(folder))
        {
            string name = Path.GetFileName(file);
            if (JournalSegment.ParseNumber(name) is long number)
            {
                _ = numbers.Add(number);
            }
            else if (name.StartsWith(JournalSegment.SparePrefix, StringComparison.Ordinal) &&
                name.EndsWith(JournalSegment.Extension, StringComparison.Ordinal))
            {
                spares.Add(file);
            }
            else if (name.EndsWith(JournalSegment.Extension + ".new", StringComparison.Ordinal))
            {
                File.Delete(file); // a preparation a crash interrupted
            }
        }

        var segments = new Dictionary<long, JournalSegment>();
        try
        {
            (List<JournalRecord> pending, JournalPosition head) =
                Scan(folder, checkpoint.Position, checkpoint.MinimumEpoch, numbers, segments);
            if (!segments.TryGetValue(head.Segment, out JournalSegment? current))
            {
                string? spare = spares.Count > 0 ? spares[^1] : null;
                if (spare is not null)
                {
                    spares.RemoveAt(spares.Count - 1);
                }

                current = numbers.Contains(head.Segment)
                    ? JournalSegment.Open(folder, head.Segment)
                    : JournalSegment.Prepare(folder, head.Segment, segmentBytes, spare);
                segments.Add(current.Number, current);
            }

            // Segment files outside the live range (before the checkpoint, or beyond the head: prepared ahead, or
            // written after a torn record) are spares, renamed as such: queued under its numbered name, a spare could
            // be taken to prepare a later segment while a segment of that number is live again, and renaming it would
            // take the live segment's records away under another number.
            foreach (long number in numbers.Where(n => !segments.ContainsKey(n)))
            {
                string spare = Path.Combine(folder, JournalSegment.SparePrefix + JournalSegment.FileName(number));
                File.Move(Path.Combine(folder, JournalSegment.FileName(number)), spare, overwrite: true);
                if (!spares.Contains(spare, StringComparer.Ordinal))
                {
                    spares.Add(spare);
                }
            }

            var journal = new StoreJournal(folder, segmentBytes, checkpoint, current)
            {
                _offset = head.Offset,
                _nextSequence = head.Sequence,
                _durableSequence = head.Sequence - 1,
                Pending = pending,
            };
            foreach (JournalSegment segment in segments.Values)
            {
                journal._segments.Add(segment.Number, segment);
            }

            spares.ForEach(journal._spares.Enqueue);
            pending.ForEach(r => journal._unapplied.Add(r.Position.Sequence, r.Position));
            return journal;
        }
        catch
        {
            foreach (JournalSegment segment in segments.Values)
            {
                segment.Dispose();
            }

            throw;
        }
    }

    /// <summary>
    /// Reads the chain of records from <paramref name="start"/>: each must be whole, carry the next sequence number and
    /// an epoch not below its predecessor's (the first: not below <paramref name="startEpoch"/>). A record that is not there may have gone to the start of the next segment
    /// (it did not fit); otherwise the chain ends. Opens the segments it reads into <paramref name="segments"/>.
    /// </summary>
    private static (List<JournalRecord> Pending, JournalPosition Head) Scan(
        string folder, JournalPosition start, uint startEpoch, SortedSet<long> numbers, Dictionary<long, JournalSegment> segments)
    {
        var pending = new List<JournalRecord>();
        JournalPosition head = start;
        if (!numbers.Contains(start.Segment))
        {
            return (pending, head);
        }

        var segment = JournalSegment.Open(folder, start.Segment);
        segments.Add(segment.Number, segment);
        uint minimumEpoch = startEpoch;
        while (true)
        {
            var record = JournalRecord.TryRead(
                segment.Handle, segment.Length, segment.Number, head.Offset, head.Sequence, minimumEpoch);
            if (record is null)
            {
                long next = segment.Number + 1;
                if (!numbers.Contains(next))
                {
                    break;
                }

                var following = JournalSegment.Open(folder, next);
                record = JournalRecord.TryRead(following.Handle, following.Length, next, 0, head.Sequence, minimumEpoch);
                if (record is null)
                {
                    following.Dispose();
                    break;
                }

                segments.Add(next, following);
                segment = following;
            }

            pending.Add(record);
            minimumEpoch = record.Epoch;
            head = new JournalPosition(segment.Number, record.Position.Offset + record.Size, head.Sequence + 1);
        }

        return (pending, head);
    }
}
