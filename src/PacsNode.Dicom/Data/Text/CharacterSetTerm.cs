using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace PacsNode.Dicom.Data.Text;

/// <summary>One defined term of Specific Character Set (0008,0005) and the character sets it stands for.</summary>
internal sealed class CharacterSetTerm
{
    private static readonly FrozenDictionary<string, CharacterSetTerm> ByTerm = BuildTable()
        .ToFrozenDictionary(t => t.DefinedTerm, StringComparer.Ordinal);

    /// <summary>Spellings seen in the field, keyed by the term without separators, upper case.</summary>
    private static readonly FrozenDictionary<string, string> Aliases = BuildAliases();

    private CharacterSetTerm(
        string definedTerm, CharacterSetTermKind kind, GraphicCharacterSet? g0, GraphicCharacterSet? g1, Encoding? encoding)
    {
        DefinedTerm = definedTerm;
        Kind = kind;
        G0 = g0;
        G1 = g1;
        Encoding = encoding;
    }

    /// <summary>Every defined term of PS3.3 C.12.1.1.2 that this implementation supports.</summary>
    public static IEnumerable<string> AllDefinedTerms => ByTerm.Keys;

    public string DefinedTerm { get; }

    public CharacterSetTermKind Kind { get; }

    /// <summary>The set this term puts in G0 (ASCII or JIS X 0201 romaji for the single-byte terms).</summary>
    public GraphicCharacterSet? G0 { get; }

    /// <summary>The set this term puts in G1, if any.</summary>
    public GraphicCharacterSet? G1 { get; }

    /// <summary>The code page that decodes a whole value, for single-byte and variable-length terms.</summary>
    public Encoding? Encoding { get; }

    /// <summary>The term exactly as PS3.3 spells it.</summary>
    public static bool TryGet(string definedTerm, [NotNullWhen(true)] out CharacterSetTerm? term) =>
        ByTerm.TryGetValue(definedTerm, out term);

    /// <summary>
    /// The defined term that a misspelling most likely meant ("ISO_IR_100", "ISO-IR 100", "iso_ir 100", "UTF-8",
    /// "ISO-8859-1"), or null. "ISO_IR 6" and its variants map to the empty string: the default repertoire.
    /// </summary>
    public static string? FindDefinedTerm(string spelling)
    {
        Span<char> key = stackalloc char[32];
        int length = 0;
        foreach (char c in spelling)
        {
            if (c is ' ' or '_' or '-' or '\0')
            {
                continue;
            }

            if (length == key.Length || c > 0x7F)
            {
                return null;
            }

            key[length++] = char.ToUpperInvariant(c);
        }

        return Aliases.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(key[..length], out string? term)
            ? term
            : null;
    }

    /// <summary>The "ISO 2022" term that has the same repertoire as a single-byte "ISO_IR" term.</summary>
    public CharacterSetTerm? WithCodeExtensions() =>
        Kind == CharacterSetTermKind.SingleByte && DefinedTerm.StartsWith("ISO_IR ", StringComparison.Ordinal)
            && ByTerm.TryGetValue("ISO 2022 IR " + DefinedTerm[7..], out CharacterSetTerm? term)
            ? term
            : null;

    public override string ToString() => DefinedTerm;

    private static IEnumerable<CharacterSetTerm> BuildTable()
    {
        (string Number, GraphicCharacterSet G0, GraphicCharacterSet G1)[] singleByte =
        [
            ("100", GraphicCharacterSet.Ascii, GraphicCharacterSet.Latin1),
            ("101", GraphicCharacterSet.Ascii, GraphicCharacterSet.Latin2),
            ("109", GraphicCharacterSet.Ascii, GraphicCharacterSet.Latin3),
            ("110", GraphicCharacterSet.Ascii, GraphicCharacterSet.Latin4),
            ("144", GraphicCharacterSet.Ascii, GraphicCharacterSet.Cyrillic),
            ("127", GraphicCharacterSet.Ascii, GraphicCharacterSet.Arabic),
            ("126", GraphicCharacterSet.Ascii, GraphicCharacterSet.Greek),
            ("138", GraphicCharacterSet.Ascii, GraphicCharacterSet.Hebrew),
            ("148", GraphicCharacterSet.Ascii, GraphicCharacterSet.Latin5),
            ("203", GraphicCharacterSet.Ascii, GraphicCharacterSet.Latin9),
            ("166", GraphicCharacterSet.Ascii, GraphicCharacterSet.Thai),
            ("13", GraphicCharacterSet.JisRoman, GraphicCharacterSet.Katakana),
        ];
        foreach ((string number, GraphicCharacterSet g0, GraphicCharacterSet g1) in singleByte)
        {
            yield return new CharacterSetTerm("ISO_IR " + number, CharacterSetTermKind.SingleByte, g0, g1, g1.Encoding);
            yield return new CharacterSetTerm("ISO 2022 IR " + number, CharacterSetTermKind.CodeExtension, g0, g1, null);
        }

        yield return new CharacterSetTerm(
            "ISO 2022 IR 6", CharacterSetTermKind.CodeExtension, GraphicCharacterSet.Ascii, null, null);
        yield return new CharacterSetTerm(
            "ISO 2022 IR 87", CharacterSetTermKind.CodeExtension, GraphicCharacterSet.JisX0208, null, null);
        yield return new CharacterSetTerm(
            "ISO 2022 IR 159", CharacterSetTermKind.CodeExtension, GraphicCharacterSet.JisX0212, null, null);
        yield return new CharacterSetTerm(
            "ISO 2022 IR 149", CharacterSetTermKind.CodeExtension, null, GraphicCharacterSet.KsX1001, null);
        yield return new CharacterSetTerm(
            "ISO 2022 IR 58", CharacterSetTermKind.CodeExtension, null, GraphicCharacterSet.Gb2312, null);
        yield return new CharacterSetTerm(
            "ISO_IR 192", CharacterSetTermKind.Variable, null, null, new UTF8Encoding(false, false));
        yield return new CharacterSetTerm("GB18030", CharacterSetTermKind.Variable, null, null, CodePages.Get(54936));
        yield return new CharacterSetTerm("GBK", CharacterSetTermKind.Variable, null, null, CodePages.Get(936));
    }

    private static FrozenDictionary<string, string> BuildAliases()
    {
        var aliases = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string term in ByTerm.Keys)
        {
            aliases[Squeeze(term)] = term;
        }

        aliases["ISOIR6"] = string.Empty;
        aliases["UTF8"] = "ISO_IR 192";
        aliases["TIS620"] = "ISO_IR 166";
        (string Part, string Number)[] iso8859 =
        [
            ("1", "100"), ("2", "101"), ("3", "109"), ("4", "110"), ("5", "144"), ("6", "127"), ("7", "126"),
            ("8", "138"), ("9", "148"), ("11", "166"), ("15", "203"),
        ];
        foreach ((string part, string number) in iso8859)
        {
            aliases["ISO8859" + part] = "ISO_IR " + number;
        }

        return aliases.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static string Squeeze(string term) => term.Replace(" ", string.Empty, StringComparison.Ordinal)
        .Replace("_", string.Empty, StringComparison.Ordinal);
}
