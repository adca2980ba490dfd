using System.Text;
using PacsNode.Dicom.Dictionary;

namespace PacsNode.Dicom.Data.Text;

/// <summary>
/// Encodes text with ISO 2022 code extension (PS3.5 6.1.2.5): each character goes to the set already in G0 or
/// G1 when that set has it, otherwise to the first declared set that has it, after its escape sequence. Before
/// each delimiter of PS3.5 6.1.2.5.3 and at the end of the value G0 returns to the initial set; G1 counts as
/// reset there too, so the next character from another G1 set is designated again (as PS3.5 Annex I shows).
/// </summary>
internal static class Iso2022Encoder
{
    public static bool TryEncode(
        ReadOnlySpan<char> text,
        DicomVR vr,
        GraphicCharacterSet initialG0,
        GraphicCharacterSet? initialG1,
        IReadOnlyList<GraphicCharacterSet> sets,
        ref ByteBuilder output,
        out Rune failed)
    {
        GraphicCharacterSet g0 = initialG0;
        GraphicCharacterSet? g1 = initialG1;
        bool valueDelimiter = !vr.IsSingleValuedText();
        bool personName = vr == DicomVR.PN;
        Span<byte> bytes = stackalloc byte[4];
        foreach (Rune rune in text.EnumerateRunes())
        {
            int value = rune.Value;
            if (value < 0x80)
            {
                bool delimiter = (value < 0x20 && value != Iso2022Decoder.Escape) || (valueDelimiter && value == '\\')
                    || (personName && value is '^' or '=');
                if (delimiter || g0.IsMultiByteG0)
                {
                    g0 = Designate(ref output, g0, initialG0);
                }

                if (delimiter)
                {
                    g1 = initialG1;
                }

                output.Append((byte)value);
                continue;
            }

            int count = g1?.TryEncode(rune, bytes) ?? 0;
            if (count == 0 && g0.IsMultiByteG0)
            {
                count = g0.TryEncode(rune, bytes);
            }

            for (int s = 0; count == 0 && s < sets.Count; s++)
            {
                GraphicCharacterSet set = sets[s];
                if (set == g0 || set == g1)
                {
                    continue;
                }

                count = set.TryEncode(rune, bytes);
                if (count > 0)
                {
                    if (set.IsG0)
                    {
                        g0 = Designate(ref output, g0, set);
                    }
                    else
                    {
                        g1 = Designate(ref output, g1, set);
                    }
                }
            }

            if (count == 0)
            {
                failed = rune;
                return false;
            }

            output.Append(bytes[..count]);
        }

        Designate(ref output, g0, initialG0);
        failed = default;
        return true;
    }

    /// <summary>Writes the escape sequence for <paramref name="target"/> unless it is already designated.</summary>
    private static GraphicCharacterSet Designate(
        ref ByteBuilder output, GraphicCharacterSet? current, GraphicCharacterSet target)
    {
        if (current != target)
        {
            output.Append(Iso2022Decoder.Escape);
            output.Append(target.Designation);
        }

        return target;
    }
}
