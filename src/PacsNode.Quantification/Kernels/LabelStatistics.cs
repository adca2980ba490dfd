namespace PacsNode.Quantification.Kernels;

/// <summary>
/// Statistics of one label of a labelled volume. Sums are accumulated in double. <see cref="MaxIndex"/> is the
/// smallest linear index among voxels equal to <see cref="Max"/>, so every backend names the same voxel.
/// </summary>
public readonly record struct LabelStatistics(long Count, double Sum, double SumOfSquares, float Max, int MaxIndex, float Min)
{
    public double Mean => Count == 0 ? double.NaN : Sum / Count;

    /// <summary>Sample standard deviation (n − 1); 0 for a single voxel.</summary>
    public double StandardDeviation =>
        Count < 2 ? 0 : Math.Sqrt(Math.Max(0, (SumOfSquares - (Sum * Sum / Count)) / (Count - 1)));
}
