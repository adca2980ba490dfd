using System.Diagnostics.CodeAnalysis;
using PacsNode.Dicom.Dictionary;

namespace PacsNode.Dicom.Data.Values;

/// <summary>Small helpers shared by the value parsers.</summary>
internal static class ValueText
{
    /// <summary>Drops the padding real files carry around numbers, dates and times: spaces and NULs.</summary>
    public static ReadOnlySpan<char> Trim(ReadOnlySpan<char> text) => text.Trim(" \0");

    /// <summary>True where the span is non-empty and all ASCII digits.</summary>
    public static bool IsDigits(ReadOnlySpan<char> text) => !text.IsEmpty && !text.ContainsAnyExceptInRange('0', '9');

    /// <summary>The value of a span of at most nine ASCII digits; callers check <see cref="IsDigits"/> first.</summary>
    public static int Digits(ReadOnlySpan<char> digits)
    {
        int value = 0;
        foreach (char c in digits)
        {
            value = (value * 10) + (c - '0');
        }

        return value;
    }

    /// <summary>Writes <paramref name="value"/> as exactly <paramref name="width"/> digits, zero-padded.</summary>
    public static void WriteDigits(Span<char> destination, int value, int width)
    {
        for (int i = width - 1; i >= 0; i--)
        {
            destination[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }

    [DoesNotReturn]
    public static void ThrowFormat(DicomVR vr, ReadOnlySpan<char> text) =>
        throw new DicomValueFormatException(vr, text.ToString());
}
