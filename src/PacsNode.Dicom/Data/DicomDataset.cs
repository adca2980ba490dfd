using System.Collections;
using PacsNode.Dicom.Dictionary;

namespace PacsNode.Dicom.Data;

/// <summary>
/// A dataset or sequence item: elements kept in ascending tag order, as PS3.5 7.1 requires on the wire.
/// Items know their parent dataset, from which they inherit the Specific Character Set.
/// </summary>
public sealed partial class DicomDataset : IEnumerable<DicomItem>
{
    private readonly List<DicomItem> _items = [];

    public DicomDataset()
    {
    }

    public DicomDataset(IEnumerable<DicomItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        foreach (DicomItem item in items)
        {
            AddOrUpdate(item);
        }
    }

    /// <summary>The dataset that holds the sequence this item belongs to; null for a top-level dataset.</summary>
    public DicomDataset? Parent { get; set; }

    /// <summary>For a sequence item: whether it was encoded with undefined length (kept on write).</summary>
    public bool UndefinedLength { get; set; } = true;

    public int Count => _items.Count;

    public DicomItem this[int index] => _items[index];

    public bool Contains(DicomTag tag) => IndexOf(tag) >= 0;

    public DicomItem? Get(DicomTag tag)
    {
        int i = IndexOf(tag);
        return i >= 0 ? _items[i] : null;
    }

    public bool TryGet(DicomTag tag, out DicomItem item)
    {
        int i = IndexOf(tag);
        item = i >= 0 ? _items[i] : null!;
        return i >= 0;
    }

    /// <summary>Adds the item, or replaces the one with the same tag.</summary>
    public void AddOrUpdate(DicomItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        AttachChildren(item);
        int count = _items.Count;
        if (count == 0 || _items[count - 1].Tag < item.Tag)
        {
            _items.Add(item);
            return;
        }

        int i = IndexOf(item.Tag);
        if (i >= 0)
        {
            _items[i] = item;
        }
        else
        {
            _items.Insert(~i, item);
        }
    }

    /// <summary>Adds the item unless one with the same tag is present; false when it was a duplicate.</summary>
    public bool TryAdd(DicomItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        int count = _items.Count;
        if (count == 0 || _items[count - 1].Tag < item.Tag)
        {
            AttachChildren(item);
            _items.Add(item);
            return true;
        }

        int i = IndexOf(item.Tag);
        if (i >= 0)
        {
            return false;
        }

        AttachChildren(item);
        _items.Insert(~i, item);
        return true;
    }

    public bool Remove(DicomTag tag)
    {
        int i = IndexOf(tag);
        if (i < 0)
        {
            return false;
        }

        _items.RemoveAt(i);
        return true;
    }

    /// <summary>Removes every element whose tag matches the predicate, e.g. all group lengths.</summary>
    public int RemoveAll(Predicate<DicomItem> match) => _items.RemoveAll(match);

    public IEnumerator<DicomItem> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private void AttachChildren(DicomItem item)
    {
        if (item is DicomSequence sequence)
        {
            foreach (DicomDataset child in sequence.Items)
            {
                child.Parent = this;
            }
        }
    }

    private int IndexOf(DicomTag tag)
    {
        uint key = tag.Value;
        int lo = 0;
        int hi = _items.Count - 1;
        while (lo <= hi)
        {
            int mid = lo + ((hi - lo) >> 1);
            uint v = _items[mid].Tag.Value;
            if (v == key)
            {
                return mid;
            }

            if (v < key)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return ~lo;
    }
}
