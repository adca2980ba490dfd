namespace PacsNode.Quantification.Kernels.Ilgpu;

/// <summary>The host side of the run-based statistics, shared by the ILGPU and the managed parallel backends.</summary>
internal static class LabelRuns
{
    /// <summary>Adds the runs of each label in linear order; a later maximum replaces an earlier one only when larger.</summary>
    public static LabelStatistics[] Combine(ReadOnlySpan<LabelRun> runs, int labelCount)
    {
        long[] counts = new long[labelCount];
        double[] sums = new double[labelCount];
        double[] squares = new double[labelCount];
        float[] maxima = new float[labelCount];
        int[] maxIndex = new int[labelCount];
        float[] minima = new float[labelCount];
        foreach (LabelRun run in runs)
        {
            int k = run.Label - 1;
            if (counts[k] == 0)
            {
                maxima[k] = run.Max;
                maxIndex[k] = run.MaxIndex;
                minima[k] = run.Min;
            }
            else
            {
                if (run.Max > maxima[k])
                {
                    maxima[k] = run.Max;
                    maxIndex[k] = run.MaxIndex;
                }

                minima[k] = Math.Min(minima[k], run.Min);
            }

            counts[k] += run.Count;
            sums[k] += run.Sum;
            squares[k] += run.SumOfSquares;
        }

        var result = new LabelStatistics[labelCount];
        for (int k = 0; k < labelCount; k++)
        {
            result[k] = new LabelStatistics(counts[k], sums[k], squares[k], maxima[k], counts[k] == 0 ? -1 : maxIndex[k], minima[k]);
        }

        return result;
    }
}
