namespace PacsNode.Dicom.Dictionary;

/// <summary>
/// The private dictionary over the generated <see cref="DicomDictionaryData.PrivateTags"/> text: a few hundred
/// entries of a few PET vendor creators, all parsed when the table is built. An entry is found by creator,
/// group and the low byte of the element, since the block (the element's high byte) a creator gets is chosen
/// per dataset. The table is sorted by creator, then tag, so entries sit in ascending order of the key
/// (creator index, group, low byte) and are found by binary search.
/// </summary>
internal sealed class PrivateTagTable
{
    /// <summary>Entries use block 0x10, the lowest one, with this mask (group and element low byte).</summary>
    public const uint BlockMask = 0xFFFF00FF;

    private readonly string[] _creators;
    private readonly ulong[] _keys;
    private readonly DicomDictionaryEntry[] _entries;

    public PrivateTagTable()
    {
        ReadOnlySpan<byte> rest = DicomDictionaryData.PrivateTags;
        int capacity = DictionaryText.CountLines(rest);
        var creators = new List<string>();
        ReadOnlySpan<byte> previousCreator = default;
        _keys = new ulong[capacity];
        _entries = new DicomDictionaryEntry[capacity];
        for (int i = 0; i < capacity; i++)
        {
            ReadOnlySpan<byte> line = DictionaryText.NextLine(ref rest);
            ReadOnlySpan<byte> fields = line;
            ReadOnlySpan<byte> creatorField = DictionaryText.NextField(ref fields);
            if (creators.Count == 0 || !creatorField.SequenceEqual(previousCreator))
            {
                creators.Add(DictionaryText.Text(creatorField));
                previousCreator = creatorField;
            }

            string creator = creators[^1];
            (uint pattern, uint mask) = DictionaryText.ParsePattern(DictionaryText.NextField(ref fields));
            IReadOnlyList<DicomVR> vrs = DictionaryText.ParseVRs(DictionaryText.NextField(ref fields));
            string vm = DictionaryText.ParseVM(DictionaryText.NextField(ref fields));
            bool retired = DictionaryText.ParseRetired(DictionaryText.NextField(ref fields));
            string keyword = DictionaryText.Text(DictionaryText.NextField(ref fields));
            string name = DictionaryText.Text(fields);
            var tag = DicomTag.FromValue(pattern | 0x1000);
            ulong key = Key(creators.Count - 1, tag);
            if (mask != BlockMask || (i > 0 && key <= _keys[i - 1]))
            {
                throw DictionaryText.Malformed(line);
            }

            _keys[i] = key;
            _entries[i] = new DicomDictionaryEntry(tag, BlockMask, keyword, name, vrs, vm, retired, creator);
        }

        _creators = [.. creators];
    }

    public int Count => _entries.Length;

    public IEnumerable<DicomDictionaryEntry> All => _entries;

    /// <summary>The entry of data element (gggg,bbee) in the block that <paramref name="creator"/> reserved.</summary>
    public DicomDictionaryEntry? Find(string creator, DicomTag tag)
    {
        int creatorIndex = 0;
        while (!string.Equals(_creators[creatorIndex], creator, StringComparison.Ordinal))
        {
            if (++creatorIndex == _creators.Length)
            {
                return null;
            }
        }

        ulong key = Key(creatorIndex, tag);
        int low = 0;
        int high = _keys.Length - 1;
        while (low <= high)
        {
            int middle = low + ((high - low) >> 1);
            ulong found = _keys[middle];
            if (found == key)
            {
                return _entries[middle];
            }

            if (found < key)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return null;
    }

    private static ulong Key(int creatorIndex, DicomTag tag) =>
        ((ulong)creatorIndex << 32) | ((uint)tag.Group << 8) | (tag.Element & 0xFFu);
}
