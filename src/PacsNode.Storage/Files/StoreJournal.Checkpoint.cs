namespace PacsNode.Storage.Files;

/// <summary>Which records are applied, and moving the replay start past them.</summary>
internal sealed partial class StoreJournal
{
    /// <summary>The store has written the record's file and index row (or given up on it): a checkpoint may pass it.</summary>
    public void MarkApplied(JournalRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (_gate)
        {
            _ = _unapplied.Remove(record.Position.Sequence);
        }
    }

    /// <summary>
    /// The position a checkpoint may move to now: the first unapplied record, else the next record's. Everything the
    /// store wrote for the records before it must be flushed before <see cref="Advance"/> is called with it.
    /// </summary>
    public JournalPosition NextCheckpoint()
    {
        lock (_gate)
        {
            foreach (KeyValuePair<long, JournalPosition> first in _unapplied)
            {
                return first.Value;
            }

            return new JournalPosition(_current.Number, _offset, _nextSequence);
        }
    }

    /// <summary>
    /// Moves the replay start to <paramref name="position"/> (from <see cref="NextCheckpoint"/>, after the caller
    /// flushed what the records before it wrote), flushed, and makes the segments before it spares.
    /// </summary>
    public void Advance(JournalPosition position)
    {
        if (position == _checkpoint.Position)
        {
            return;
        }

        // The record at the position is an unapplied one found at opening (of its own, earlier epoch), or one appended
        // since (or to be appended) in this epoch.
        uint minimumEpoch = Pending.FirstOrDefault(r => r.Position == position)?.Epoch ?? _checkpoint.Epoch;
        _checkpoint.Advance(position, minimumEpoch);
        var spent = new List<JournalSegment>();
        lock (_gate)
        {
            foreach (JournalSegment segment in _segments.Values)
            {
                if (segment.Number < position.Segment && segment != _current)
                {
                    spent.Add(segment);
                }
            }

            spent.ForEach(s => _segments.Remove(s.Number));
        }

        foreach (JournalSegment segment in spent)
        {
            string spare = segment.Retire();
            lock (_gate)
            {
                _spares.Enqueue(spare);
            }
        }
    }
}
