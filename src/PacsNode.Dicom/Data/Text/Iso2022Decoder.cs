using System.Buffers;
using PacsNode.Dicom.Dictionary;

namespace PacsNode.Dicom.Data.Text;

/// <summary>
/// Decodes a value that uses ISO 2022 code extension (PS3.5 6.1.2.5): escape sequences designate sets into
/// G0 (bytes 0x21-0x7E) and G1 (bytes 0xA0-0xFF), and the initial sets return at each delimiter that
/// PS3.5 6.1.2.5.3 lists for the VR.
/// </summary>
/// <remarks>
/// Leniencies, none of which changes how conforming data decodes:
/// <list type="bullet">
/// <item>Every designation of PS3.3 tables C.12-3 and C.12-4 is honoured, declared in (0008,0005) or not.</item>
/// <item>An escape sequence that designates nothing known is kept as text, ESC included.</item>
/// <item>
/// High bytes with no G1 designated are read with the fallback set (the first G1 set that (0008,0005)
/// declares), else as ISO 8859-1; and where the initial G1 is undefined a delimiter keeps the last G1, because
/// writers that repeat the designation after each delimiter lose nothing and writers that do not still read.
/// </item>
/// </list>
/// </remarks>
internal static class Iso2022Decoder
{
    public const byte Escape = 0x1B;

    public static string Decode(
        ReadOnlySpan<byte> value,
        DicomVR vr,
        GraphicCharacterSet initialG0,
        GraphicCharacterSet? initialG1,
        GraphicCharacterSet? fallbackG1)
    {
        // Every byte decodes to at most one UTF-16 unit and escape sequences to none, so value.Length chars suffice.
        char[] buffer = ArrayPool<char>.Shared.Rent(value.Length);
        try
        {
            Span<char> chars = buffer;
            int written = 0;
            GraphicCharacterSet g0 = initialG0;
            GraphicCharacterSet? g1 = initialG1 ?? fallbackG1;
            bool valueDelimiter = !vr.IsSingleValuedText();
            bool personName = vr == DicomVR.PN;
            int i = 0;
            while (i < value.Length)
            {
                byte b = value[i];
                if (b == Escape)
                {
                    if (GraphicCharacterSet.TryParseDesignation(value[(i + 1)..], out GraphicCharacterSet? set, out int length))
                    {
                        if (set.IsG0)
                        {
                            g0 = set;
                        }
                        else
                        {
                            g1 = set;
                        }

                        i += 1 + length;
                        continue;
                    }

                    chars[written++] = (char)b;
                    i++;
                }
                else if (b >= 0x80)
                {
                    written += GraphicCharacterSet.DecodeG1Run(g1, value, ref i, chars[written..]);
                }
                else if (g0.IsMultiByteG0 && b is > 0x20 and < 0x7F)
                {
                    written += g0.DecodeG0Run(value, ref i, chars[written..]);
                }
                else
                {
                    if (b < 0x20 || (valueDelimiter && b == '\\') || (personName && b is (byte)'^' or (byte)'='))
                    {
                        g0 = initialG0;
                        g1 = initialG1 ?? g1;
                    }

                    chars[written++] = (char)b;
                    i++;
                }
            }

            return new string(chars[..written]);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }
}
