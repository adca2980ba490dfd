using System.Globalization;

namespace PacsNode.Dicom.Dictionary;

/// <summary>A data element tag (group, element), PS3.5 section 7.1. Ordered as the standard orders elements.</summary>
public readonly partial record struct DicomTag(ushort Group, ushort Element) : IComparable<DicomTag>
{
    /// <summary>The tag as one 32-bit number, group in the high half: the order elements appear in.</summary>
    public uint Value => ((uint)Group << 16) | Element;

    public static DicomTag FromValue(uint value) => new((ushort)(value >> 16), (ushort)value);

    /// <summary>Odd groups above 0x0008 hold private elements (PS3.5 7.8).</summary>
    public bool IsPrivate => (Group & 1) == 1 && Group > 0x0008;

    /// <summary>A private creator element (gggg,0010-00FF) reserves a block for its creator.</summary>
    public bool IsPrivateCreator => IsPrivate && Element is >= 0x0010 and <= 0x00FF;

    /// <summary>The creator element that reserves this private element's block, e.g. (0009,0010) for (0009,1003).</summary>
    public DicomTag PrivateCreatorTag => new(Group, (ushort)(Element >> 8));

    /// <summary>Group length elements (gggg,0000), retired outside groups 0000 and 0002.</summary>
    public bool IsGroupLength => Element == 0x0000;

    public int CompareTo(DicomTag other) => Value.CompareTo(other.Value);

    public static bool operator <(DicomTag left, DicomTag right) => left.Value < right.Value;
    public static bool operator >(DicomTag left, DicomTag right) => left.Value > right.Value;
    public static bool operator <=(DicomTag left, DicomTag right) => left.Value <= right.Value;
    public static bool operator >=(DicomTag left, DicomTag right) => left.Value >= right.Value;

    /// <summary>(gggg,eeee) in upper-case hexadecimal, as dcmdump writes it.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"({Group:X4},{Element:X4})");

    /// <summary>Parses "(gggg,eeee)", "gggg,eeee" or "ggggeeee".</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out DicomTag tag)
    {
        tag = default;
        text = text.Trim();
        if (text.Length > 2 && text[0] == '(' && text[^1] == ')')
        {
            text = text[1..^1];
        }

        ReadOnlySpan<char> g;
        ReadOnlySpan<char> e;
        int comma = text.IndexOf(',');
        if (comma == 4 && text.Length == 9)
        {
            g = text[..4];
            e = text[5..];
        }
        else if (comma < 0 && text.Length == 8)
        {
            g = text[..4];
            e = text[4..];
        }
        else
        {
            return false;
        }

        if (!ushort.TryParse(g, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ushort group) ||
            !ushort.TryParse(e, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ushort element))
        {
            return false;
        }

        tag = new DicomTag(group, element);
        return true;
    }

    // The named tags, including the structural Item, ItemDelimitationItem and SequenceDelimitationItem of
    // PS3.5 section 7.5, are generated into Generated/DicomTag.g.cs by scripts/gen-dictionary.py.
}
