using System.Collections.ObjectModel;
using System.Text;

namespace PacsNode.Dicom.Dictionary;

/// <summary>
/// Reads the generated dictionary tables (<see cref="DicomDictionaryData"/>): UTF-8 text, one entry per line,
/// fields separated by '|'. The tables are generated, so a malformed line is a programming error and throws.
/// </summary>
internal static class DictionaryText
{
    private const byte FieldSeparator = (byte)'|';

    // Shared VR lists, so that records compare equal when their VRs do and materialising an entry allocates
    // no list: single VRs by their two letters, the few combinations ("US/SS", "OB/OW", …) in a short list.
    // Arrays and a lock rather than a concurrent dictionary keyed by a value type, whose generic code would
    // have to be compiled at run time on the first lookup.
    private static readonly IReadOnlyList<DicomVR>?[] SingleVRLists = new IReadOnlyList<DicomVR>?[26 * 26];
    private static readonly List<IReadOnlyList<DicomVR>> MultipleVRLists = [];
    private static readonly Lock MultipleVRListsGate = new();

    /// <summary>The number of lines in a table.</summary>
    public static int CountLines(ReadOnlySpan<byte> text)
    {
        int count = 0;
        while (!text.IsEmpty)
        {
            NextLine(ref text);
            count++;
        }

        return count;
    }

    /// <summary>Cuts the next line off <paramref name="text"/>; a CR before the LF is dropped.</summary>
    public static ReadOnlySpan<byte> NextLine(scoped ref ReadOnlySpan<byte> text)
    {
        int end = text.IndexOf((byte)'\n');
        ReadOnlySpan<byte> line;
        if (end < 0)
        {
            line = text;
            text = default;
        }
        else
        {
            line = text[..end];
            text = text[(end + 1)..];
        }

        return line.Length > 0 && line[^1] == (byte)'\r' ? line[..^1] : line;
    }

    /// <summary>Cuts the next '|'-separated field off <paramref name="line"/>.</summary>
    public static ReadOnlySpan<byte> NextField(scoped ref ReadOnlySpan<byte> line)
    {
        int end = line.IndexOf(FieldSeparator);
        ReadOnlySpan<byte> field;
        if (end < 0)
        {
            field = line;
            line = default;
        }
        else
        {
            field = line[..end];
            line = line[(end + 1)..];
        }

        return field;
    }

    /// <summary>
    /// Parses eight hexadecimal digits, where 'x' stands for any digit: "60xx3000" gives value 0x60003000 and
    /// mask 0xFF00FFFF (the bits that must match).
    /// </summary>
    public static (uint Value, uint Mask) ParsePattern(ReadOnlySpan<byte> field)
    {
        if (field.Length != 8)
        {
            throw Malformed(field);
        }

        uint value = 0;
        uint mask = 0;
        foreach (byte c in field)
        {
            value <<= 4;
            mask <<= 4;
            if (c == (byte)'x')
            {
                continue;
            }

            mask |= 0xF;
            value |= c switch
            {
                >= (byte)'0' and <= (byte)'9' => (uint)(c - '0'),
                >= (byte)'A' and <= (byte)'F' => (uint)(c - 'A' + 10),
                _ => throw Malformed(field),
            };
        }

        return (value, mask);
    }

    /// <summary>The VR list of a field such as "US/SS"; empty for items and delimiters, which have no VR.</summary>
    public static IReadOnlyList<DicomVR> ParseVRs(ReadOnlySpan<byte> field)
    {
        if (field.IsEmpty)
        {
            return [];
        }

        if ((field.Length + 1) % 3 != 0)
        {
            throw Malformed(field);
        }

        Span<DicomVR> vrs = stackalloc DicomVR[(field.Length + 1) / 3];
        for (int i = 0; i < vrs.Length; i++)
        {
            int at = i * 3;
            if (!DicomVRInfo.TryParse(field[at], field[at + 1], out vrs[i]) ||
                (at + 2 < field.Length && field[at + 2] != (byte)'/'))
            {
                throw Malformed(field);
            }
        }

        return vrs.Length == 1 ? SingleVRList(vrs[0]) : MultipleVRList(vrs);
    }

    private static IReadOnlyList<DicomVR> SingleVRList(DicomVR vr)
    {
        int slot = ((((ushort)vr >> 8) - 'A') * 26) + ((ushort)vr & 0xFF) - 'A';
        IReadOnlyList<DicomVR>? list = Volatile.Read(ref SingleVRLists[slot]);
        if (list is not null)
        {
            return list;
        }

        list = new ReadOnlyCollection<DicomVR>(new[] { vr });
        return Interlocked.CompareExchange(ref SingleVRLists[slot], list, null) ?? list;
    }

    private static IReadOnlyList<DicomVR> MultipleVRList(ReadOnlySpan<DicomVR> vrs)
    {
        lock (MultipleVRListsGate)
        {
            foreach (IReadOnlyList<DicomVR> known in MultipleVRLists)
            {
                if (known.Count == vrs.Length && Same(known, vrs))
                {
                    return known;
                }
            }

            var list = new ReadOnlyCollection<DicomVR>(vrs.ToArray());
            MultipleVRLists.Add(list);
            return list;
        }

        static bool Same(IReadOnlyList<DicomVR> list, ReadOnlySpan<DicomVR> vrs)
        {
            for (int i = 0; i < vrs.Length; i++)
            {
                if (list[i] != vrs[i])
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>The VM text, sharing the common values rather than allocating them.</summary>
    public static string ParseVM(ReadOnlySpan<byte> field) => field switch
    {
        [(byte)'1'] => "1",
        [(byte)'2'] => "2",
        [(byte)'3'] => "3",
        [(byte)'1', (byte)'-', (byte)'n'] => "1-n",
        _ => Text(field),
    };

    /// <summary>"R" marks a retired entry; the field is empty otherwise.</summary>
    public static bool ParseRetired(ReadOnlySpan<byte> field) => field switch
    {
        [] => false,
        [(byte)'R'] => true,
        _ => throw Malformed(field),
    };

    public static string Text(ReadOnlySpan<byte> field) =>
        field.IsEmpty ? string.Empty : Encoding.UTF8.GetString(field);

    public static InvalidOperationException Malformed(ReadOnlySpan<byte> text) =>
        new($"Generated dictionary table is malformed near \"{Encoding.UTF8.GetString(text)}\"; " +
            "run scripts/gen-dictionary.py again.");
}
