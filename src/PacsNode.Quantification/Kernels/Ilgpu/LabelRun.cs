namespace PacsNode.Quantification.Kernels.Ilgpu;

/// <summary>
/// Statistics of one run: consecutive voxels (in linear order, inside one thread's chunk) that carry the same label.
/// The host combines runs in linear order, so maxima tie-break to the smallest index as the reference does.
/// </summary>
internal struct LabelRun
{
    public int Label;
    public int Count;
    public double Sum;
    public double SumOfSquares;
    public float Max;
    public int MaxIndex;
    public float Min;
}
