using System.Text;

namespace PacsNode.Dicom.Data.Text;

/// <summary>
/// The code pages that back the DICOM character sets. The code-pages provider ships in the shared framework
/// but is not registered by default; this class registers it once, before the first encoding is asked for.
/// Decoders substitute U+FFFD for byte sequences a code page does not define, so one bad byte never hides the
/// rest of a value.
/// </summary>
internal static class CodePages
{
    static CodePages()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    public static Encoding Get(int codePage) =>
        Encoding.GetEncoding(codePage, EncoderFallback.ReplacementFallback, new DecoderReplacementFallback("\uFFFD"));

    /// <summary>
    /// Encodes one rune and returns the byte count, or 0 unless the bytes decode back to the same rune: a
    /// replacement character or a best-fit look-alike is no encoding.
    /// </summary>
    public static int EncodeExact(Encoding encoding, Rune rune, Span<byte> destination)
    {
        Span<char> chars = stackalloc char[2];
        chars = chars[..rune.EncodeToUtf16(chars)];
        Span<byte> bytes = stackalloc byte[8];
        bytes = bytes[..encoding.GetBytes(chars, bytes)];
        Span<char> back = stackalloc char[8];
        back = back[..encoding.GetChars(bytes, back)];
        if (!back.SequenceEqual(chars) || bytes.Length > destination.Length)
        {
            return 0;
        }

        bytes.CopyTo(destination);
        return bytes.Length;
    }
}
