using ILGPU;
using ILGPU.Runtime;

namespace PacsNode.Quantification.Kernels.Ilgpu;

/// <summary>Component labelling: the launches of <see cref="LabelKernels"/> and the host's prefix sum of root counts.</summary>
internal sealed partial class IlgpuKernels
{
    public int LabelComponents(ReadOnlySpan<float> values, VolumeShape shape, float threshold, Span<int> labels)
    {
        int count = KernelArguments.VoxelCount(values.Length, shape, nameof(values));
        KernelArguments.VoxelCount(labels.Length, shape, nameof(labels));
        if (count == 0)
        {
            return 0;
        }

        ArrayView<float> input = _buffers.Upload("values", values);
        ArrayView<int> parent = _buffers.Get<int>("parent", count);
        ArrayView<int> output = _buffers.Get<int>("labels", count);
        int chunk = _chunking.Chunk(count, reduction: false);
        int chunks = KernelChunking.Chunks(count, chunk);
        _initialise(chunks, input, parent, threshold, chunk, count);
        _unite(chunks, parent, GridSize.Of(shape), chunk, count);
        _flatten(chunks, parent, chunk, count);

        int rootChunk = _chunking.Chunk(count, reduction: true);
        int rootChunks = KernelChunking.Chunks(count, rootChunk);
        ArrayView<int> roots = _buffers.Get<int>("partials", rootChunks);
        _countRoots(rootChunks, parent, roots, rootChunk, count);
        _accelerator.Synchronize();
        int[] bases = new int[rootChunks];
        roots.CopyToCPU(bases);
        int components = ExclusivePrefixSum(bases);
        roots.CopyFromCPU(bases);
        _numberRoots(rootChunks, parent, roots, output, rootChunk, count);
        _assign(chunks, parent, output, chunk, count);
        _accelerator.Synchronize();
        output.CopyToCPU(labels);
        return components;
    }
}
