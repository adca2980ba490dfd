using ILGPU;

namespace PacsNode.Quantification.Kernels.Ilgpu;

/// <summary>
/// Per-label statistics without floating-point atomics, so results do not depend on thread timing: each thread splits
/// its chunk into runs of equal labels (labels 1..labelCount; others are skipped) and writes one
/// <see cref="LabelRun"/> per run; the host combines the runs in linear order. Two launches: count the runs of each chunk,
/// then (after the host has turned the counts into offsets) write them.
/// </summary>
internal static class StatisticsKernels
{
    internal static void CountRuns(Index1D thread, ArrayView<int> labels, ArrayView<int> runs, int labelCount,
        int chunk, int count)
    {
        int start = thread.X * chunk;
        int end = Math.Min(start + chunk, count);
        int n = 0;
        int previous = 0;
        for (int i = start; i < end; i++)
        {
            int label = labels[i];
            bool counted = label > 0 && label <= labelCount;
            if (counted && label != previous)
            {
                n++;
            }

            previous = counted ? label : 0;
        }

        runs[thread] = n;
    }

    internal static void WriteRuns(Index1D thread, ArrayView<float> values, ArrayView<int> labels, ArrayView<int> offsets,
        ArrayView<LabelRun> runs, int labelCount, int chunk, int count)
    {
        int start = thread.X * chunk;
        int end = Math.Min(start + chunk, count);
        int slot = offsets[thread] - 1;
        int previous = 0;
        var run = default(LabelRun);
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
                if (slot >= offsets[thread])
                {
                    runs[slot] = run;
                }

                slot++;
                run.Label = label;
                run.Count = 0;
                run.Sum = 0;
                run.SumOfSquares = 0;
                run.Max = v;
                run.MaxIndex = i;
                run.Min = v;
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

        if (slot >= offsets[thread])
        {
            runs[slot] = run;
        }
    }
}
