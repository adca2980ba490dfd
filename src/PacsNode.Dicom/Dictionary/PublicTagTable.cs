namespace PacsNode.Dicom.Dictionary;

/// <summary>
/// The public part of the data dictionary over the generated <see cref="DicomDictionaryData.PublicTags"/> and
/// <see cref="DicomDictionaryData.RepeatingTags"/> text. Construction only indexes the lines (tag and
/// position, about 5,000 of them); an entry is parsed the first time it is asked for and then kept. The
/// keyword index is built on the first keyword lookup. Safe for concurrent use.
/// </summary>
internal sealed class PublicTagTable
{
    private readonly uint[] _tags;
    private readonly int[] _lineStarts;
    private readonly int[] _lineLengths;
    private readonly DicomDictionaryEntry?[] _entries;
    private readonly DicomDictionaryEntry[] _repeating;
    private readonly Lazy<Dictionary<string, DicomDictionaryEntry>> _byKeyword;

    public PublicTagTable()
    {
        ReadOnlySpan<byte> all = DicomDictionaryData.PublicTags;
        int capacity = DictionaryText.CountLines(all);
        _tags = new uint[capacity];
        _lineStarts = new int[capacity];
        _lineLengths = new int[capacity];
        int count = 0;
        ReadOnlySpan<byte> rest = all;
        while (!rest.IsEmpty)
        {
            int start = all.Length - rest.Length;
            ReadOnlySpan<byte> line = DictionaryText.NextLine(ref rest);
            ReadOnlySpan<byte> fields = line;
            (uint tag, uint mask) = DictionaryText.ParsePattern(DictionaryText.NextField(ref fields));
            if (mask != uint.MaxValue || (count > 0 && tag <= _tags[count - 1]))
            {
                throw DictionaryText.Malformed(line);
            }

            _tags[count] = tag;
            _lineStarts[count] = start;
            _lineLengths[count] = line.Length;
            count++;
        }

        _entries = new DicomDictionaryEntry?[count];

        var repeating = new List<DicomDictionaryEntry>();
        rest = DicomDictionaryData.RepeatingTags;
        while (!rest.IsEmpty)
        {
            repeating.Add(ParseEntry(DictionaryText.NextLine(ref rest)));
        }

        _repeating = [.. repeating];
        _byKeyword = new Lazy<Dictionary<string, DicomDictionaryEntry>>(BuildKeywordIndex);
    }

    /// <summary>Number of non-repeating entries.</summary>
    public int Count => _tags.Length;

    /// <summary>The entry of a non-repeating tag, or null.</summary>
    public DicomDictionaryEntry? FindExact(uint tag)
    {
        // A plain binary search: the generic Array.BinarySearch<uint> would be compiled at run time.
        int low = 0;
        int high = _tags.Length - 1;
        while (low <= high)
        {
            int middle = low + ((high - low) >> 1);
            uint found = _tags[middle];
            if (found == tag)
            {
                return GetEntry(middle);
            }

            if (found < tag)
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

    /// <summary>The first repeating-group or masked entry that matches, most specific first, or null.</summary>
    public DicomDictionaryEntry? FindRepeating(uint tag)
    {
        foreach (DicomDictionaryEntry entry in _repeating)
        {
            if ((tag & entry.Mask) == entry.Tag.Value)
            {
                return entry;
            }
        }

        return null;
    }

    public DicomDictionaryEntry? FindKeyword(string keyword) =>
        _byKeyword.Value.GetValueOrDefault(keyword);

    /// <summary>Every entry, non-repeating ones in tag order first (materialises them all).</summary>
    public IEnumerable<DicomDictionaryEntry> All()
    {
        for (int i = 0; i < _tags.Length; i++)
        {
            yield return GetEntry(i);
        }

        foreach (DicomDictionaryEntry entry in _repeating)
        {
            yield return entry;
        }
    }

    private DicomDictionaryEntry GetEntry(int index)
    {
        DicomDictionaryEntry? entry = Volatile.Read(ref _entries[index]);
        if (entry is not null)
        {
            return entry;
        }

        ReadOnlySpan<byte> line = DicomDictionaryData.PublicTags.Slice(_lineStarts[index], _lineLengths[index]);
        entry = ParseEntry(line);

        // Two threads may parse the same line; both get the instance that was published first.
        return Interlocked.CompareExchange(ref _entries[index], entry, null) ?? entry;
    }

    private Dictionary<string, DicomDictionaryEntry> BuildKeywordIndex()
    {
        var index = new Dictionary<string, DicomDictionaryEntry>(
            _tags.Length + _repeating.Length, StringComparer.Ordinal);
        foreach (DicomDictionaryEntry entry in All())
        {
            // A few retired tags have no keyword; every keyword is unique in PS3.6.
            if (entry.Keyword.Length > 0)
            {
                index.Add(entry.Keyword, entry);
            }
        }

        return index;
    }

    /// <summary>Parses pattern|VRs|VM|R|Keyword|Name.</summary>
    private static DicomDictionaryEntry ParseEntry(ReadOnlySpan<byte> line)
    {
        ReadOnlySpan<byte> fields = line;
        (uint tag, uint mask) = DictionaryText.ParsePattern(DictionaryText.NextField(ref fields));
        IReadOnlyList<DicomVR> vrs = DictionaryText.ParseVRs(DictionaryText.NextField(ref fields));
        string vm = DictionaryText.ParseVM(DictionaryText.NextField(ref fields));
        bool retired = DictionaryText.ParseRetired(DictionaryText.NextField(ref fields));
        string keyword = DictionaryText.Text(DictionaryText.NextField(ref fields));
        string name = DictionaryText.Text(fields);
        return new DicomDictionaryEntry(DicomTag.FromValue(tag), mask, keyword, name, vrs, vm, retired);
    }
}
