using PacsNode.Quantification.Kernels.Ilgpu;

namespace PacsNode.Quantification.Kernels.Managed;

/// <summary>Per-label statistics as runs of equal labels per chunk, combined in linear order (as the ILGPU backend does).</summary>
internal sealed partial class ParallelKernels
{
    public LabelStatistics[] Statistics(ReadOnlySpan<float> values, ReadOnlySpan<int> labels, int labelCount)
    {
        if (values.Length != labels.Length)
        {
            throw new ArgumentException("Values and labels differ in length.", nameof(labels));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(labelCount);
        float[] input = _buffers.Copy("values", values);
        int[] labelArray = _buffers.Copy("labels", labels);
        var runs = new List<LabelRun>[_chunking.MaxThreads];
        int chunks = For(values.Length, reduction: true, (t, start, end) => runs[t] = Runs(input, labelArray, labelCount, start, end));
        var all = new List<LabelRun>();
        for (int t = 0; t < chunks; t++)
        {
            all.AddRange(runs[t]);
        }

        return LabelRuns.Combine(all.ToArray(), labelCount);
    }

    private static List<LabelRun> Runs(float[] values, int[] labels, int labelCount, int start, int end)
    {
        var runs = new List<LabelRun>();
        var run = default(LabelRun);
        int previous = 0;
        for (int i = start; i < end; i++)
        {
            int label = labels[i];
            if (label <= 0 || label > labelCount)
            {
                previous = 0;
                continue;
            }

            float v = values[i];
            if (label != previous)
            {
                if (run.Count > 0)
                {
                    runs.Add(run);
                }

                run = new LabelRun { Label = label, Max = v, MaxIndex = i, Min = v };
                previous = label;
            }
            else
            {
                if (v > run.Max)
                {
                    run.Max = v;
                    run.MaxIndex = i;
                }

                if (v < run.Min)
                {
                    run.Min = v;
                }
            }

            run.Count++;
            run.Sum += v;
            run.SumOfSquares += (double)v * v;
        }

        if (run.Count > 0)
        {
            runs.Add(run);
        }

        return runs;
    }
}
