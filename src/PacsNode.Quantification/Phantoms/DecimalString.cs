using System.Globalization;

namespace PacsNode.Quantification.Phantoms;

/// <summary>Decimal String (DS) values of at most 16 characters, and the exact double a reader will parse back.</summary>
internal static class DecimalString
{
    public static string Format(double value)
    {
        string text = value.ToString("R", CultureInfo.InvariantCulture);
        for (int digits = 15; text.Length > 16 && digits > 0; digits--)
        {
            text = value.ToString("G" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        }

        return text;
    }

    /// <summary>The value a DS reader sees: <paramref name="value"/> formatted, then parsed.</summary>
    public static double RoundTrip(double value) => double.Parse(Format(value), NumberStyles.Float, CultureInfo.InvariantCulture);

    public static string Join(params double[] values) => string.Join('\\', values.Select(Format));
}
