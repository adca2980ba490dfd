using System.Collections.Frozen;
using System.Globalization;

namespace PacsNode.Dicom.Data.Text;

/// <summary>Creation from the values of Specific Character Set (0008,0005), strict or lenient.</summary>
public sealed partial class DicomCharacterSet
{
    private const string LatinFallback = "ISO_IR 100";

    /// <summary>
    /// Resolves the terms. Strict: returns null with <paramref name="error"/> set at the first fault. Lenient:
    /// never returns null, and records each repair as a warning.
    /// </summary>
    private static DicomCharacterSet? Create(
        IReadOnlyList<string> values, bool lenient, out DicomCharacterSetException? error)
    {
        error = null;
        var warnings = new List<string>();
        var terms = new List<CharacterSetTerm>(values.Count);
        CharacterSetTerm? first = null;
        for (int i = 0; i < values.Count; i++)
        {
            string raw = values[i] ?? string.Empty;
            string spelling = raw.Trim(' ', '\0');
            if (spelling.Length == 0)
            {
                if (i == 0)
                {
                    continue;
                }

                if (!lenient)
                {
                    error = Fault($"Value {i + 1} of Specific Character Set is empty; only value 1 may be.", raw);
                    return null;
                }

                warnings.Add(Say($"Ignored empty value {i + 1} of Specific Character Set."));
                continue;
            }

            if (!Resolve(spelling, i, lenient, warnings, out CharacterSetTerm? term, out error))
            {
                return null;
            }

            if (term is null)
            {
                continue;
            }

            if (i == 0)
            {
                first = term;
            }
            else
            {
                terms.Add(term);
            }
        }

        if (terms.Count == 0)
        {
            return first is null ? NoTerms(values.Count, warnings) : FromOneTerm(first, warnings);
        }

        CharacterSetTerm? variable = terms.Find(t => t.Kind == CharacterSetTermKind.Variable);
        if (lenient && first is null && variable is not null)
        {
            // "\ISO_IR 192": the writer meant UTF-8, which cannot take part in code extension anyway.
            warnings.Add(Say($"Read Specific Character Set with an empty value 1 and '{variable}' as '{variable}' alone."));
            return FromOneTerm(variable, warnings);
        }

        if (first is { Kind: not CharacterSetTermKind.CodeExtension })
        {
            CharacterSetTerm? extended = first.WithCodeExtensions();
            if (!lenient)
            {
                error = Fault(
                    extended is null
                        ? $"'{first}' cannot be combined with other character sets."
                        : $"'{first}' has no code extensions; a multi-valued Specific Character Set needs '{extended}'.",
                    first.DefinedTerm);
                return null;
            }

            if (extended is null)
            {
                warnings.Add(Say($"'{first}' cannot be combined with other character sets; ignored the others."));
                return FromOneTerm(first, warnings);
            }

            warnings.Add(Say($"Read '{first}' as '{extended}', since other character sets follow it."));
            first = extended;
        }

        var extensions = new List<CharacterSetTerm>(terms.Count);
        foreach (CharacterSetTerm term in terms)
        {
            CharacterSetTerm? extended = term.Kind == CharacterSetTermKind.CodeExtension ? term : term.WithCodeExtensions();
            if (extended is null || extended != term)
            {
                if (!lenient)
                {
                    error = Fault($"'{term}' cannot take part in ISO 2022 code extension.", term.DefinedTerm);
                    return null;
                }

                warnings.Add(extended is null
                    ? Say($"Ignored '{term}', which cannot take part in ISO 2022 code extension.")
                    : Say($"Read '{term}' as '{extended}' for ISO 2022 code extension."));
            }

            if (extended is not null)
            {
                extensions.Add(extended);
            }
        }

        return FromCodeExtensionTerms(first, extensions, warnings);
    }

    /// <summary>Looks one term up; false only for a strict failure. A null term means "default repertoire".</summary>
    private static bool Resolve(
        string spelling,
        int index,
        bool lenient,
        List<string> warnings,
        out CharacterSetTerm? term,
        out DicomCharacterSetException? error)
    {
        error = null;
        if (CharacterSetTerm.TryGet(spelling, out term))
        {
            return true;
        }

        if (!lenient)
        {
            error = Fault($"Unknown Specific Character Set defined term '{spelling}'.", spelling);
            return false;
        }

        string? meant = CharacterSetTerm.FindDefinedTerm(spelling);
        if (meant is not null)
        {
            warnings.Add(meant.Length == 0
                ? Say($"Read '{spelling}' as the default repertoire (ISO-IR 6).")
                : Say($"Read misspelt Specific Character Set '{spelling}' as '{meant}'."));
            if (meant.Length > 0)
            {
                CharacterSetTerm.TryGet(meant, out term);
            }

            return true;
        }

        if (index == 0)
        {
            warnings.Add(Say($"Unknown Specific Character Set '{spelling}'; decoding as {LatinFallback} (Latin-1)."));
            CharacterSetTerm.TryGet(LatinFallback, out term);
        }
        else
        {
            warnings.Add(Say($"Ignored unknown Specific Character Set value {index + 1} '{spelling}'."));
        }

        return true;
    }

    private static DicomCharacterSet NoTerms(int valueCount, List<string> warnings) =>
        warnings.Count == 0 && valueCount <= 1
            ? Default
            : new DicomCharacterSet([], null, null, GraphicCharacterSet.Ascii, null, [], [.. warnings]);

    private static DicomCharacterSet FromOneTerm(CharacterSetTerm term, List<string> warnings)
    {
        DicomCharacterSet cached = SingleTerm[term.DefinedTerm];
        return warnings.Count == 0 ? cached : cached.WithWarnings(warnings);
    }

    private static DicomCharacterSet FromCodeExtensionTerms(
        CharacterSetTerm? first, List<CharacterSetTerm> others, List<string> warnings)
    {
        // PS3.5 6.1.2.5.1: value 1 gives the initial G0 and G1; an empty value 1 means ASCII and no G1.
        GraphicCharacterSet initialG0 = first?.G0 is { IsMultiByteG0: false } g0 ? g0 : GraphicCharacterSet.Ascii;
        GraphicCharacterSet? initialG1 =
            first?.G1 is { Kind: GraphicSetKind.SingleByte or GraphicSetKind.Katakana } g1 ? g1 : null;
        var sets = new List<GraphicCharacterSet>();
        var definedTerms = new List<string> { first?.DefinedTerm ?? string.Empty };
        foreach (CharacterSetTerm term in first is null ? others : others.Prepend(first))
        {
            if (term != first && !definedTerms.Contains(term.DefinedTerm))
            {
                definedTerms.Add(term.DefinedTerm);
            }

            foreach (GraphicCharacterSet? set in (ReadOnlySpan<GraphicCharacterSet?>)[term.G0, term.G1])
            {
                if (set is not null && !sets.Contains(set))
                {
                    sets.Add(set);
                }
            }
        }

        return new DicomCharacterSet(
            [.. definedTerms], CharacterSetTermKind.CodeExtension, null, initialG0, initialG1, [.. sets], [.. warnings]);
    }

    private DicomCharacterSet WithWarnings(List<string> warnings) =>
        new([.. DefinedTerms], _kind, _encoding, _initialG0, _initialG1, _extensionSets, [.. warnings]);

    private static FrozenDictionary<string, DicomCharacterSet> BuildSingleTermSets()
    {
        var sets = new Dictionary<string, DicomCharacterSet>(StringComparer.Ordinal);
        foreach (string definedTerm in CharacterSetTerm.AllDefinedTerms)
        {
            CharacterSetTerm.TryGet(definedTerm, out CharacterSetTerm? term);
            sets[definedTerm] = term!.Kind == CharacterSetTermKind.CodeExtension
                ? FromCodeExtensionTerms(term, [], [])
                : new DicomCharacterSet(
                    [definedTerm], term.Kind, term.Encoding, term.G0 ?? GraphicCharacterSet.Ascii, term.G1, [], []);
        }

        return sets.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static DicomCharacterSetException Fault(string message, string? term) => new(message, term);

    private static string Say(FormattableString message) => message.ToString(CultureInfo.InvariantCulture);
}
