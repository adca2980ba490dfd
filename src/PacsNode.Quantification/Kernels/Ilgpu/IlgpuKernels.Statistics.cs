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

        return LabelRuns.Combine(runs, labelCount);
    }
}
