using System.Buffers;
using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using PacsNode.Dicom.Dictionary;

namespace PacsNode.Dicom.Data.Text;

/// <summary>
/// The character sets that Specific Character Set (0008,0005) declares (PS3.3 C.12.1.1.2, PS3.5 6.1), and the
/// conversion of string values between bytes and text under them.
/// </summary>
/// <remarks>
/// <para>
/// Only LO, LT, PN, SH, ST, UC and UT use the declared sets (<see cref="DicomVRInfo.UsesSpecificCharacterSet"/>);
/// every other string VR is read as ISO 8859-1, which is ASCII for conforming data and keeps stray bytes.
/// </para>
/// <para>
/// <see cref="Decode"/> returns the whole value, delimiters and padding included: split and trim it with
/// <see cref="Values.DicomStringValues"/>. Splitting after decoding is what makes GBK, GB18030 and ISO 2022
/// values safe, since their multi-byte characters may contain the bytes of '\', '^' and '='.
/// <see cref="Encode(string, DicomVR)"/> adds no padding; the writer pads to even length.
/// </para>
/// <para>
/// Creation is strict or lenient. <see cref="FromSpecificCharacterSet"/> and
/// <see cref="TryFromSpecificCharacterSet"/> accept only the defined terms of PS3.3 C.12.1.1.2 (padding
/// spaces aside) in a legal combination. <see cref="FromSpecificCharacterSetLenient"/> never fails: it reads
/// misspellings such as "ISO_IR_100" or "ISO-IR 100" as the term they mean, decodes an unknown first term as
/// ISO_IR 100 (every byte stays recoverable), drops unknown later terms, and lists each repair in
/// <see cref="Warnings"/>. A reader of received data should use the lenient form and log the warnings.
/// </para>
/// </remarks>
public sealed partial class DicomCharacterSet
{
    private static readonly FrozenDictionary<string, DicomCharacterSet> SingleTerm = BuildSingleTermSets();

    private readonly CharacterSetTermKind? _kind;
    private readonly Encoding? _encoding;
    private readonly GraphicCharacterSet _initialG0;
    private readonly GraphicCharacterSet? _initialG1;
    private readonly GraphicCharacterSet? _fallbackG1;
    private readonly GraphicCharacterSet[] _extensionSets;
    private readonly bool _utf8;

    private DicomCharacterSet(
        string[] definedTerms,
        CharacterSetTermKind? kind,
        Encoding? encoding,
        GraphicCharacterSet initialG0,
        GraphicCharacterSet? initialG1,
        GraphicCharacterSet[] extensionSets,
        string[] warnings)
    {
        DefinedTerms = definedTerms;
        _kind = kind;
        _encoding = encoding;
        _initialG0 = initialG0;
        _initialG1 = initialG1;
        _extensionSets = extensionSets;
        _fallbackG1 = initialG1 ?? Array.Find(extensionSets, s => !s.IsG0);
        _utf8 = encoding is UTF8Encoding;
        Warnings = warnings;
    }

    /// <summary>The default repertoire, ISO-IR 6 (ASCII), used when (0008,0005) is absent or empty.</summary>
    public static DicomCharacterSet Default { get; } = new([], null, null, GraphicCharacterSet.Ascii, null, [], []);

    /// <summary>ISO_IR 192: UTF-8, the usual choice for newly written datasets.</summary>
    public static DicomCharacterSet Utf8 => SingleTerm["ISO_IR 192"];

    /// <summary>The defined terms in effect, as PS3.3 spells them; empty for the default repertoire.</summary>
    public IReadOnlyList<string> DefinedTerms { get; }

    /// <summary>True where values may switch character sets with ISO 2022 escape sequences.</summary>
    public bool UsesCodeExtensions => _kind == CharacterSetTermKind.CodeExtension;

    /// <summary>What lenient creation repaired, one sentence each; empty for strict creation.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>
    /// The character set for the values of (0008,0005). Throws <see cref="DicomCharacterSetException"/> for an
    /// unknown term, an empty or non-extension term where code extensions are needed, or "ISO_IR 192",
    /// "GB18030" or "GBK" combined with other terms.
    /// </summary>
    public static DicomCharacterSet FromSpecificCharacterSet(IReadOnlyList<string> definedTerms)
    {
        ArgumentNullException.ThrowIfNull(definedTerms);
        DicomCharacterSet? set = Create(definedTerms, lenient: false, out DicomCharacterSetException? error);
        return set ?? throw error!;
    }

    /// <summary>As <see cref="FromSpecificCharacterSet"/>, but returns false instead of throwing.</summary>
    public static bool TryFromSpecificCharacterSet(
        IReadOnlyList<string> definedTerms, [NotNullWhen(true)] out DicomCharacterSet? characterSet)
    {
        ArgumentNullException.ThrowIfNull(definedTerms);
        characterSet = Create(definedTerms, lenient: false, out _);
        return characterSet is not null;
    }

    /// <summary>
    /// The character set for the values of (0008,0005), repairing what real files get wrong rather than
    /// failing; see the remarks of <see cref="DicomCharacterSet"/> and <see cref="Warnings"/>.
    /// </summary>
    public static DicomCharacterSet FromSpecificCharacterSetLenient(IReadOnlyList<string> definedTerms)
    {
        ArgumentNullException.ThrowIfNull(definedTerms);
        return Create(definedTerms, lenient: true, out _)!;
    }

    /// <summary>Decodes one element value, all of its values, delimiters and padding included.</summary>
    /// <remarks>
    /// Never throws: bytes that the character set does not define become U+FFFD, and bytes above 0x7F where no
    /// set covers them are read as ISO 8859-1. An escape sequence in a value whose character set has no code
    /// extensions (which PS3.5 forbids) is honoured anyway, so ISO 2022 text under a wrong (0008,0005) reads.
    /// </remarks>
    public string Decode(ReadOnlySpan<byte> value, DicomVR vr)
    {
        if (value.IsEmpty)
        {
            return string.Empty;
        }

        if (!vr.UsesSpecificCharacterSet() || _kind is null)
        {
            return _kind is null && vr.UsesSpecificCharacterSet() && value.Contains(Iso2022Decoder.Escape)
                ? Iso2022Decoder.Decode(value, vr, GraphicCharacterSet.Ascii, null, null)
                : Encoding.Latin1.GetString(value);
        }

        return _kind switch
        {
            CharacterSetTermKind.Variable => _encoding!.GetString(value),
            CharacterSetTermKind.SingleByte when !value.Contains(Iso2022Decoder.Escape) => _encoding!.GetString(value),
            _ when value.IndexOfAnyInRange((byte)0x80, (byte)0xFF) < 0 && !value.Contains(Iso2022Decoder.Escape) =>
                Encoding.Latin1.GetString(value),
            _ => Iso2022Decoder.Decode(value, vr, _initialG0, _initialG1, _fallbackG1),
        };
    }

    /// <summary>
    /// Encodes one element value (all of its values, joined by '\'), without padding. Throws
    /// <see cref="DicomCharacterSetException"/> if a character is outside the declared sets.
    /// </summary>
    public byte[] Encode(string text, DicomVR vr)
    {
        ArgumentNullException.ThrowIfNull(text);
        var output = new ByteBuilder(text.Length);
        try
        {
            if (!TryEncodeCore(text, vr, ref output, out Rune failed))
            {
                ThrowUnencodable(failed, vr);
            }

            return output.WrittenSpan.ToArray();
        }
        finally
        {
            output.Dispose();
        }
    }

    /// <summary>As <see cref="Encode(string, DicomVR)"/>, appending to <paramref name="destination"/>.</summary>
    public void Encode(ReadOnlySpan<char> text, DicomVR vr, IBufferWriter<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var output = new ByteBuilder(text.Length);
        try
        {
            if (!TryEncodeCore(text, vr, ref output, out Rune failed))
            {
                ThrowUnencodable(failed, vr);
            }

            destination.Write(output.WrittenSpan);
        }
        finally
        {
            output.Dispose();
        }
    }

    /// <summary>As <see cref="Encode(string, DicomVR)"/>, but returns false where a character cannot be encoded.</summary>
    public bool TryEncode(string text, DicomVR vr, [NotNullWhen(true)] out byte[]? bytes)
    {
        ArgumentNullException.ThrowIfNull(text);
        var output = new ByteBuilder(text.Length);
        try
        {
            bytes = TryEncodeCore(text, vr, ref output, out _) ? output.WrittenSpan.ToArray() : null;
            return bytes is not null;
        }
        finally
        {
            output.Dispose();
        }
    }

    /// <summary>True where every character of <paramref name="text"/> can be encoded for <paramref name="vr"/>.</summary>
    public bool CanEncode(ReadOnlySpan<char> text, DicomVR vr)
    {
        var output = new ByteBuilder(text.Length);
        try
        {
            return TryEncodeCore(text, vr, ref output, out _);
        }
        finally
        {
            output.Dispose();
        }
    }

    /// <summary>The defined terms joined by '\', as they would be written to (0008,0005).</summary>
    public override string ToString() => string.Join('\\', DefinedTerms);

    private bool TryEncodeCore(ReadOnlySpan<char> text, DicomVR vr, ref ByteBuilder output, out Rune failed)
    {
        if (!vr.UsesSpecificCharacterSet() || _kind is null)
        {
            return TryEncodeLatin1(text, ref output, out failed);
        }

        if (_kind == CharacterSetTermKind.CodeExtension)
        {
            return Iso2022Encoder.TryEncode(text, vr, _initialG0, _initialG1, _extensionSets, ref output, out failed);
        }

        if (_utf8)
        {
            return TryEncodeUtf8(text, ref output, out failed);
        }

        Span<byte> bytes = stackalloc byte[4];
        foreach (Rune rune in text.EnumerateRunes())
        {
            int count = rune.Value < 0x80
                ? WriteAscii(rune, bytes)
                : _kind == CharacterSetTermKind.SingleByte
                    ? _initialG1!.TryEncode(rune, bytes)
                    : CodePages.EncodeExact(_encoding!, rune, bytes);
            if (count == 0)
            {
                failed = rune;
                return false;
            }

            output.Append(bytes[..count]);
        }

        failed = default;
        return true;
    }

    /// <summary>
    /// The default repertoire and the VRs outside (0008,0005): ASCII, and ISO 8859-1 above it so that what
    /// <see cref="Decode"/> read from a file without a declared set is written back unchanged.
    /// </summary>
    private static bool TryEncodeLatin1(ReadOnlySpan<char> text, ref ByteBuilder output, out Rune failed)
    {
        foreach (Rune rune in text.EnumerateRunes())
        {
            if (rune.Value > 0xFF)
            {
                failed = rune;
                return false;
            }

            output.Append((byte)rune.Value);
        }

        failed = default;
        return true;
    }

    private static bool TryEncodeUtf8(ReadOnlySpan<char> text, ref ByteBuilder output, out Rune failed)
    {
        Span<byte> destination = output.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        OperationStatus status = System.Text.Unicode.Utf8.FromUtf16(
            text, destination, out _, out int written, replaceInvalidSequences: false);
        output.Advance(written);
        if (status != OperationStatus.Done)
        {
            failed = Rune.ReplacementChar;
            return false;
        }

        failed = default;
        return true;
    }

    private static int WriteAscii(Rune rune, Span<byte> destination)
    {
        destination[0] = (byte)rune.Value;
        return 1;
    }

    [DoesNotReturn]
    private void ThrowUnencodable(Rune rune, DicomVR vr)
    {
        string sets = vr.UsesSpecificCharacterSet() && DefinedTerms.Count > 0 ? ToString() : "ISO_IR 6 (default)";
        throw new DicomCharacterSetException(
            string.Create(
                CultureInfo.InvariantCulture,
                $"U+{rune.Value:X4} cannot be encoded for VR {vr.ToCode()} in Specific Character Set '{sets}'."),
            term: null);
    }
}
