namespace PacsNode.Quantification.Vois;

/// <summary>Order statistics of float samples (sorting a copy; exact, no interpolation beyond the two-middle mean).</summary>
internal static class Order
{
    /// <summary>The median: the middle value, or the mean of the two middle values for an even count.</summary>
    public static double Median(Span<float> values)
    {
        if (values.IsEmpty)
        {
            return double.NaN;
        }

        values.Sort();
        int n = values.Length;
        return n % 2 == 1 ? values[n / 2] : (values[(n / 2) - 1] + (double)values[n / 2]) / 2;
    }
}
