using System.Globalization;
using PacsNode.Dicom.Dictionary;

namespace PacsNode.Dicom.Data.Values;

/// <summary>
/// DS values (PS3.5 table 6.2-1): a fixed or floating point number of at most 16 characters,
/// [+-]digits[.digits][(E|e)[+-]digits], possibly padded with spaces.
/// </summary>
public static class DicomDecimalString
{
    /// <summary>The longest DS value, in characters.</summary>
    public const int MaxLength = 16;

    private static readonly string[] GeneralFormats = Formats('G', 1);
    private static readonly string[] ExponentFormats = Formats('E', 0);

    /// <summary>
    /// Parses one DS value, ignoring surrounding spaces and NULs ("     474592928" parses). False for anything
    /// outside the DS grammar (embedded spaces, "NaN", "Infinity", hexadecimal, thousands separators, a comma
    /// as decimal point) and for values beyond the range of double.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, out double value)
    {
        text = ValueText.Trim(text);
        if (IsWellFormed(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value)
            && double.IsFinite(value))
        {
            return true;
        }

        value = 0;
        return false;
    }

    /// <summary>As <see cref="TryParse(ReadOnlySpan{char}, out double)"/>, exactly, into a decimal.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out decimal value)
    {
        text = ValueText.Trim(text);
        if (IsWellFormed(text) && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        value = 0;
        return false;
    }

    public static double Parse(ReadOnlySpan<char> text)
    {
        if (!TryParse(text, out double value))
        {
            ValueText.ThrowFormat(DicomVR.DS, text);
        }

        return value;
    }

    /// <summary>
    /// The shortest text that reads back as <paramref name="value"/> if it fits in 16 characters, otherwise the
    /// closest one that fits, in fixed or exponent notation, whichever keeps more digits. Throws for NaN and
    /// infinities, which DS cannot express.
    /// </summary>
    public static string Format(double value)
    {
        Span<char> buffer = stackalloc char[MaxLength];
        if (!TryFormat(value, buffer, out int written))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "DS holds finite numbers only.");
        }

        return new string(buffer[..written]);
    }

    /// <summary>As <see cref="Format"/>; false for NaN, infinities, or a destination shorter than the text.</summary>
    public static bool TryFormat(double value, Span<char> destination, out int charsWritten)
    {
        charsWritten = 0;
        if (!double.IsFinite(value))
        {
            return false;
        }

        if (value == 0)
        {
            value = 0; // no "-0"
        }

        Span<char> best = stackalloc char[40];
        int bestLength = Candidate(value, "R", best);
        if (bestLength > MaxLength)
        {
            Span<char> other = stackalloc char[40];
            for (int digits = 16; digits >= 1; digits--)
            {
                bestLength = Candidate(value, GeneralFormats[digits - 1], best);
                int otherLength = Candidate(value, ExponentFormats[digits - 1], other);
                if (otherLength < bestLength)
                {
                    other[..otherLength].CopyTo(best);
                    bestLength = otherLength;
                }

                if (bestLength <= MaxLength)
                {
                    break;
                }
            }
        }

        if (bestLength > destination.Length)
        {
            return false;
        }

        best[..bestLength].CopyTo(destination);
        charsWritten = bestLength;
        return true;
    }

    /// <summary>True where the text (already trimmed) follows the DS grammar.</summary>
    public static bool IsWellFormed(ReadOnlySpan<char> text)
    {
        int i = 0;
        if (i < text.Length && text[i] is '+' or '-')
        {
            i++;
        }

        int mantissaDigits = CountDigits(text, ref i);
        if (i < text.Length && text[i] == '.')
        {
            i++;
            mantissaDigits += CountDigits(text, ref i);
        }

        if (mantissaDigits == 0)
        {
            return false;
        }

        if (i < text.Length && text[i] is 'E' or 'e')
        {
            i++;
            if (i < text.Length && text[i] is '+' or '-')
            {
                i++;
            }

            if (CountDigits(text, ref i) == 0)
            {
                return false;
            }
        }

        return i == text.Length;
    }

    private static int CountDigits(ReadOnlySpan<char> text, ref int index)
    {
        int start = index;
        while (index < text.Length && char.IsAsciiDigit(text[index]))
        {
            index++;
        }

        return index - start;
    }

    /// <summary>Formats, then drops what DS does not need: mantissa trailing zeros, "+" and leading zeros in exponents.</summary>
    private static int Candidate(double value, string format, Span<char> destination)
    {
        value.TryFormat(destination, out int length, format, CultureInfo.InvariantCulture);
        int e = destination[..length].IndexOf('E');
        if (e < 0)
        {
            return length;
        }

        Span<char> exponent = stackalloc char[8];
        destination[(e + 1)..length].CopyTo(exponent);
        int exponentLength = length - e - 1;
        int mantissaEnd = e;
        if (destination[..e].Contains('.'))
        {
            while (destination[mantissaEnd - 1] == '0')
            {
                mantissaEnd--;
            }

            if (destination[mantissaEnd - 1] == '.')
            {
                mantissaEnd--;
            }
        }

        ReadOnlySpan<char> exponentDigits = exponent[..exponentLength].TrimStart("+-").TrimStart('0');
        if (exponentDigits.IsEmpty)
        {
            return mantissaEnd;
        }

        int written = mantissaEnd;
        destination[written++] = 'E';
        if (exponent[0] == '-')
        {
            destination[written++] = '-';
        }

        exponentDigits.CopyTo(destination[written..]);
        return written + exponentDigits.Length;
    }

    private static string[] Formats(char kind, int first)
    {
        var formats = new string[16];
        for (int i = 0; i < formats.Length; i++)
        {
            formats[i] = kind + (first + i).ToString(CultureInfo.InvariantCulture);
        }

        return formats;
    }
}
