using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace PacsNode.Dicom.Data.Text;

/// <summary>
/// One graphic character set that ISO 2022 code extension can designate (PS3.3 tables C.12-3 and C.12-4):
/// its escape sequence, whether it lands in G0 or G1, and how its bytes map to and from Unicode.
/// </summary>
internal sealed class GraphicCharacterSet
{
    private const int StackScratch = 256;

    private readonly byte[] _designation;
    private readonly Encoding? _encoding;

    private GraphicCharacterSet(string name, GraphicSetKind kind, byte[] designation, Encoding? encoding)
    {
        Name = name;
        Kind = kind;
        _designation = designation;
        _encoding = encoding;
    }

    public static GraphicCharacterSet Ascii { get; } = new("ISO-IR 6", GraphicSetKind.Ascii, "(B"u8.ToArray(), null);

    public static GraphicCharacterSet JisRoman { get; } =
        new("ISO-IR 14", GraphicSetKind.JisRoman, "(J"u8.ToArray(), null);

    public static GraphicCharacterSet JisX0208 { get; } =
        new("ISO-IR 87", GraphicSetKind.JisX0208, "$B"u8.ToArray(), CodePages.Get(20932));

    public static GraphicCharacterSet JisX0212 { get; } =
        new("ISO-IR 159", GraphicSetKind.JisX0212, "$(D"u8.ToArray(), null);

    /// <summary>Decoded with Shift_JIS (932), which agrees on 0xA1-0xDF and also reads stray Shift_JIS kanji.</summary>
    public static GraphicCharacterSet Katakana { get; } =
        new("ISO-IR 13", GraphicSetKind.Katakana, ")I"u8.ToArray(), CodePages.Get(932));

    public static GraphicCharacterSet KsX1001 { get; } =
        new("ISO-IR 149", GraphicSetKind.DoubleByte, "$)C"u8.ToArray(), CodePages.Get(949));

    public static GraphicCharacterSet Gb2312 { get; } =
        new("ISO-IR 58", GraphicSetKind.DoubleByte, "$)A"u8.ToArray(), CodePages.Get(936));

    public static GraphicCharacterSet Latin1 { get; } = SingleByte("ISO-IR 100", 'A', Encoding.Latin1);
    public static GraphicCharacterSet Latin2 { get; } = SingleByte("ISO-IR 101", 'B', CodePages.Get(28592));
    public static GraphicCharacterSet Latin3 { get; } = SingleByte("ISO-IR 109", 'C', CodePages.Get(28593));
    public static GraphicCharacterSet Latin4 { get; } = SingleByte("ISO-IR 110", 'D', CodePages.Get(28594));
    public static GraphicCharacterSet Cyrillic { get; } = SingleByte("ISO-IR 144", 'L', CodePages.Get(28595));
    public static GraphicCharacterSet Arabic { get; } = SingleByte("ISO-IR 127", 'G', CodePages.Get(28596));
    public static GraphicCharacterSet Greek { get; } = SingleByte("ISO-IR 126", 'F', CodePages.Get(28597));
    public static GraphicCharacterSet Hebrew { get; } = SingleByte("ISO-IR 138", 'H', CodePages.Get(28598));
    public static GraphicCharacterSet Latin5 { get; } = SingleByte("ISO-IR 148", 'M', CodePages.Get(28599));
    public static GraphicCharacterSet Latin9 { get; } = SingleByte("ISO-IR 203", 'b', CodePages.Get(28605));

    /// <summary>TIS 620 through Windows-874, which adds graphic characters only in 0x80-0x9F.</summary>
    public static GraphicCharacterSet Thai { get; } = SingleByte("ISO-IR 166", 'T', CodePages.Get(874));

    private static readonly Encoding Gb2312CodePoints = CodePages.Get(20936);

    private static readonly GraphicCharacterSet[] Designatable =
    [
        Ascii, JisRoman, JisX0208, JisX0212, Katakana, KsX1001, Gb2312, Latin1, Latin2, Latin3, Latin4, Cyrillic,
        Arabic, Greek, Hebrew, Latin5, Latin9, Thai,
    ];

    /// <summary>The ISO-IR registration, for messages.</summary>
    public string Name { get; }

    public GraphicSetKind Kind { get; }

    public bool IsG0 => Kind is GraphicSetKind.Ascii or GraphicSetKind.JisRoman or GraphicSetKind.JisX0208
        or GraphicSetKind.JisX0212;

    /// <summary>True for the 94x94 sets designated to G0, whose characters are pairs of bytes 0x21-0x7E.</summary>
    public bool IsMultiByteG0 => Kind is GraphicSetKind.JisX0208 or GraphicSetKind.JisX0212;

    /// <summary>The escape sequence that designates this set, without the leading ESC.</summary>
    public ReadOnlySpan<byte> Designation => _designation;

    /// <summary>The code page used for the bytes of a G1 set.</summary>
    internal Encoding? Encoding => _encoding;

    /// <summary>
    /// Recognises the designation after an ESC, whichever sets (0008,0005) declared: what was designated is
    /// unambiguous, and refusing it would only lose text. ESC $ @ (JIS C 6226-1978) is read as JIS X 0208.
    /// </summary>
    public static bool TryParseDesignation(
        ReadOnlySpan<byte> afterEscape, [NotNullWhen(true)] out GraphicCharacterSet? set, out int length)
    {
        foreach (GraphicCharacterSet candidate in Designatable)
        {
            if (afterEscape.StartsWith(candidate.Designation))
            {
                set = candidate;
                length = candidate._designation.Length;
                return true;
            }
        }

        if (afterEscape.StartsWith("$@"u8))
        {
            set = JisX0208;
            length = 2;
            return true;
        }

        set = null;
        length = 0;
        return false;
    }

    /// <summary>
    /// Writes the rune's bytes in this set (7-bit for G0, high bit set for G1) and returns how many, or 0 where
    /// the set lacks the rune. Only sets registered for DICOM count: vendor extensions of the code pages
    /// (NEC row 13, UHC, GBK, user-defined areas) are refused so that other decoders can read what we write.
    /// </summary>
    public int TryEncode(Rune rune, Span<byte> destination)
    {
        int value = rune.Value;
        if (value < 0x80)
        {
            if (Kind is not (GraphicSetKind.Ascii or GraphicSetKind.JisRoman))
            {
                return 0;
            }

            destination[0] = (byte)value;
            return 1;
        }

        switch (Kind)
        {
            case GraphicSetKind.Katakana:
                if (value is < 0xFF61 or > 0xFF9F)
                {
                    return 0;
                }

                destination[0] = (byte)(0xA1 + (value - 0xFF61));
                return 1;

            case GraphicSetKind.JisX0212:
                if (!rune.IsBmp || !JisX0212Table.TryEncode((char)value, out byte row, out byte cell))
                {
                    return 0;
                }

                destination[0] = row;
                destination[1] = cell;
                return 2;

            case GraphicSetKind.SingleByte:
            {
                int count = CodePages.EncodeExact(_encoding!, rune, destination);
                return count == 1 && destination[0] >= 0xA0 ? 1 : 0;
            }

            case GraphicSetKind.JisX0208:
            {
                int count = CodePages.EncodeExact(_encoding!, rune, destination);
                if (!IsStandardPair(count, destination, excludedRow: 0x2D, firstExcludedHighRow: 0x75))
                {
                    return 0;
                }

                destination[0] &= 0x7F;
                destination[1] &= 0x7F;
                return 2;
            }

            case GraphicSetKind.DoubleByte:
            {
                int count = CodePages.EncodeExact(_encoding!, rune, destination);
                bool standard = ReferenceEquals(this, KsX1001)
                    ? IsStandardPair(count, destination, excludedRow: 0x49, firstExcludedHighRow: 0x7E)
                        && !(destination[0] == 0xA4 && destination[1] == 0xD4)
                    : IsStandardPair(count, destination, excludedRow: -1, firstExcludedHighRow: 0x7F)
                        && IsGb2312CodePoint(destination[..2]);
                return standard ? 2 : 0;
            }

            default:
                return 0;
        }
    }

    /// <summary>
    /// Decodes the run of G1 bytes that starts at <paramref name="index"/> (a byte with the high bit set) and
    /// moves the index past it. A null set (G1 never designated) reads the bytes as ISO 8859-1, which keeps
    /// every byte recoverable. Double-byte sets take a lead byte with the trail byte after it even where the
    /// trail lacks the high bit, so Shift_JIS, UHC and GBK text mislabelled as ISO 2022 still reads.
    /// </summary>
    public static int DecodeG1Run(GraphicCharacterSet? set, ReadOnlySpan<byte> value, ref int index, Span<char> destination)
    {
        int start = index;
        int i = index;
        GraphicSetKind kind = set?.Kind ?? GraphicSetKind.SingleByte;
        while (i < value.Length && value[i] >= 0x80)
        {
            byte lead = value[i];
            bool pairs = kind switch
            {
                GraphicSetKind.Katakana => lead is (>= 0x81 and <= 0x9F) or (>= 0xE0 and <= 0xFC),
                GraphicSetKind.DoubleByte => lead is >= 0x81 and <= 0xFE,
                _ => false,
            };
            i += pairs && i + 1 < value.Length && value[i + 1] is >= 0x40 and not 0x7F and not 0xFF ? 2 : 1;
        }

        index = i;
        Encoding encoding = set?._encoding ?? Encoding.Latin1;
        return encoding.GetChars(value[start..i], destination);
    }

    /// <summary>
    /// Decodes the run of 7-bit byte pairs (0x21-0x7E) that starts at <paramref name="index"/> in a 94x94 G0 set
    /// and moves the index past it; an unpaired last byte becomes U+FFFD.
    /// </summary>
    public int DecodeG0Run(ReadOnlySpan<byte> value, ref int index, Span<char> destination)
    {
        int start = index;
        int end = start;
        while (end < value.Length && value[end] is > 0x20 and < 0x7F)
        {
            end++;
        }

        index = end;
        ReadOnlySpan<byte> run = value[start..end];
        int pairBytes = run.Length & ~1;
        int written;
        if (Kind == GraphicSetKind.JisX0212)
        {
            for (written = 0; written < pairBytes / 2; written++)
            {
                destination[written] = JisX0212Table.Decode(run[2 * written], run[(2 * written) + 1]);
            }
        }
        else
        {
            written = DecodeAsEucJp(run[..pairBytes], destination);
        }

        if (pairBytes < run.Length)
        {
            destination[written++] = '\uFFFD';
        }

        return written;
    }

    public override string ToString() => Name;

    private int DecodeAsEucJp(ReadOnlySpan<byte> pairs, Span<char> destination)
    {
        byte[]? rented = null;
        Span<byte> euc = pairs.Length <= StackScratch
            ? stackalloc byte[StackScratch]
            : (rented = ArrayPool<byte>.Shared.Rent(pairs.Length));
        try
        {
            for (int i = 0; i < pairs.Length; i++)
            {
                euc[i] = (byte)(pairs[i] | 0x80);
            }

            return _encoding!.GetChars(euc[..pairs.Length], destination);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static GraphicCharacterSet SingleByte(string name, char final, Encoding encoding) =>
        new(name, GraphicSetKind.SingleByte, [(byte)'-', (byte)final], encoding);

    /// <summary>
    /// True where code page 20936, which holds exactly the GB 2312 code points, defines the pair. Code page 936
    /// (GBK) does the decoding, so the GBK extensions still read, but only GB 2312 characters are written.
    /// </summary>
    private static bool IsGb2312CodePoint(ReadOnlySpan<byte> pair)
    {
        Span<char> chars = stackalloc char[2];
        int count = Gb2312CodePoints.GetChars(pair, chars);
        return count == 1 && chars[0] != '\uFFFD';
    }

    /// <summary>Two bytes in 0xA1-0xFE outside the rows the registered 94x94 set leaves empty.</summary>
    private static bool IsStandardPair(int count, ReadOnlySpan<byte> bytes, int excludedRow, int firstExcludedHighRow)
    {
        if (count != 2 || bytes[0] is < 0xA1 or > 0xFE || bytes[1] is < 0xA1 or > 0xFE)
        {
            return false;
        }

        int row = bytes[0] - 0x80;
        return row != excludedRow && row < firstExcludedHighRow;
    }
}
