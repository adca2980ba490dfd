using System.Collections.Frozen;

namespace PacsNode.Dicom.Data.Text;

/// <summary>
/// JIS X 0212-1990 (ISO-IR 159), the supplementary kanji set that .NET has no code page for: a generated
/// row/cell table (<c>Generated/JisX0212Table.g.cs</c>) and its lazily built inverse.
/// </summary>
internal static partial class JisX0212Table
{
    private const int CellsPerRow = 94;

    private static FrozenDictionary<char, ushort>? _inverse;

    /// <summary>The character at 7-bit row and cell (each 0x21-0x7E), or U+FFFD where the set defines none.</summary>
    public static char Decode(byte row, byte cell)
    {
        if (row is < FirstRow or > LastRow || cell is < 0x21 or > 0x7E)
        {
            return '\uFFFD';
        }

        char c = Cells[((row - FirstRow) * CellsPerRow) + (cell - 0x21)];
        return c == '\0' ? '\uFFFD' : c;
    }

    /// <summary>The 7-bit row and cell of a character, or false where JIS X 0212 lacks it (and for ASCII).</summary>
    public static bool TryEncode(char c, out byte row, out byte cell)
    {
        FrozenDictionary<char, ushort> inverse = _inverse ?? BuildInverse();
        if (c >= 0x80 && inverse.TryGetValue(c, out ushort code))
        {
            row = (byte)(code >> 8);
            cell = (byte)code;
            return true;
        }

        row = 0;
        cell = 0;
        return false;
    }

    private static FrozenDictionary<char, ushort> BuildInverse()
    {
        var map = new Dictionary<char, ushort>(Cells.Length);
        for (int i = 0; i < Cells.Length; i++)
        {
            char c = Cells[i];
            if (c != '\0')
            {
                int row = FirstRow + (i / CellsPerRow);
                int cell = 0x21 + (i % CellsPerRow);
                map.TryAdd(c, (ushort)((row << 8) | cell));
            }
        }

        var inverse = map.ToFrozenDictionary();
        _inverse = inverse;
        return inverse;
    }
}
