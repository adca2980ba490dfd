using ILGPU;
using ILGPU.Runtime;

namespace PacsNode.Quantification.Kernels.Ilgpu;

/// <summary>Per-label statistics: the device writes runs (<see cref="StatisticsKernels"/>), the host combines them in order.</summary>
internal sealed partial class IlgpuKernels
{
    public LabelStatistics[] Statistics(ReadOnlySpan<float> values, ReadOnlySpan<int> labels, int labelCount)
    {
        if (values.Length != labels.Length)
        {
            throw new ArgumentException("Values and labels differ in length.", nameof(labels));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(labelCount);
        int count = values.Length;
        var result = new LabelStatistics[labelCount];
        if (count == 0 || labelCount == 0)
        {
            Array.Fill(result, new LabelStatistics(0, 0, 0, 0, -1, 0));
            return result;
        }

        ArrayView<float> input = _buffers.Upload("values", values);
        ArrayView<int> labelView = _buffers.Upload("labels", labels);
        int chunk = _chunking.Chunk(count, reduction: true);
        int chunks = KernelChunking.Chunks(count, chunk);
        ArrayView<int> offsets = _buffers.Get<int>("partials", chunks);
        _countRuns(chunks, labelView, offsets, labelCount, chunk, count);
        _accelerator.Synchronize();
        int[] starts = new int[chunks];
        offsets.CopyToCPU(starts);
        int runCount = ExclusivePrefixSum(starts);
        var runs = new LabelRun[runCount];
        if (runCount > 0)
        {
            offsets.CopyFromCPU(starts);
            ArrayView<LabelRun> runView = _buffers.Get<LabelRun>("runs", runCount);
            _writeRuns(chunks, input, labelView, offsets, runView, labelCount, chunk, count);
            _accelerator.Synchronize();
            runView.CopyToCPU(runs);
        }

        return Combine(runs, labelCount);
    }

    /// <summary>Adds the runs of each label in linear order; a later maximum replaces an earlier one only when larger.</summary>
    private static LabelStatistics[] Combine(LabelRun[] runs, int labelCount)
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
