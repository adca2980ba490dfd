using ILGPU;
using ILGPU.Runtime;

namespace PacsNode.Quantification.Kernels.Ilgpu;

/// <summary>
/// <see cref="IVolumeKernels"/> on an ILGPU accelerator: one kernel source for CUDA, OpenCL and ILGPU's CPU accelerator,
/// with the work per thread set by <see cref="KernelChunking"/>. Kernels are compiled once, in the constructor; device
/// buffers are kept and reused between calls. Owns (and disposes) the context and the accelerator.
/// </summary>
internal sealed partial class IlgpuKernels : IVolumeKernels
{
    private readonly Context _context;
    private readonly Accelerator _accelerator;
    private readonly KernelChunking _chunking;
    private readonly DeviceBuffers _buffers;

    private readonly Action<Index1D, ArrayView<short>, ArrayView<float>, ArrayView<float>, int, int, int, int> _suvMap;
    private readonly Action<Index1D, ArrayView<float>, ArrayView<int>, float, int, int> _initialise;
    private readonly Action<Index1D, ArrayView<int>, GridSize, int, int> _unite;
    private readonly Action<Index1D, ArrayView<int>, int, int> _flatten;
    private readonly Action<Index1D, ArrayView<int>, ArrayView<int>, int, int> _countRoots;
    private readonly Action<Index1D, ArrayView<int>, ArrayView<int>, ArrayView<int>, int, int> _numberRoots;
    private readonly Action<Index1D, ArrayView<int>, ArrayView<int>, int, int> _assign;
    private readonly Action<Index1D, ArrayView<int>, ArrayView<int>, int, int, int> _countRuns;
    private readonly Action<Index1D, ArrayView<float>, ArrayView<int>, ArrayView<int>, ArrayView<LabelRun>, int, int, int> _writeRuns;
    private readonly Action<Index1D, ArrayView<float>, ArrayView<int>, ArrayView<int>, ArrayView<float>, ArrayView<float>, GridSize, int, int, int, int> _sphere;
    private readonly Action<Index1D, ArrayView<byte>, ArrayView<int>, GridSize, int, int> _bounds;
    private readonly Action<Index1D, ArrayView<float>, ArrayView<byte>, ArrayView<byte>, ArrayView<int>, ArrayView<double>, ArrayView<double>, ArrayView<long>, GridSize, GridBox, double, int, int> _shell;

    public IlgpuKernels(Context context, Accelerator accelerator, KernelChunking chunking, string backend)
    {
        _context = context;
        _accelerator = accelerator;
        _chunking = chunking;
        Backend = backend;
        _buffers = new DeviceBuffers(accelerator);
        _suvMap = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<short>, ArrayView<float>, ArrayView<float>, int, int, int, int>(SuvMapKernel.Run);
        _initialise = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<float>, ArrayView<int>, float, int, int>(LabelKernels.Initialise);
        _unite = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<int>, GridSize, int, int>(LabelKernels.Unite);
        _flatten = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<int>, int, int>(LabelKernels.Flatten);
        _countRoots = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<int>, ArrayView<int>, int, int>(LabelKernels.CountRoots);
        _numberRoots = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<int>, ArrayView<int>, ArrayView<int>, int, int>(LabelKernels.NumberRoots);
        _assign = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<int>, ArrayView<int>, int, int>(LabelKernels.Assign);
        _countRuns = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<int>, ArrayView<int>, int, int, int>(StatisticsKernels.CountRuns);
        _writeRuns = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<float>, ArrayView<int>, ArrayView<int>, ArrayView<LabelRun>, int, int, int>(StatisticsKernels.WriteRuns);
        _sphere = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<float>, ArrayView<int>, ArrayView<int>, ArrayView<float>, ArrayView<float>, GridSize, int, int, int, int>(SphereKernel.Run);
        _bounds = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<byte>, ArrayView<int>, GridSize, int, int>(ShellKernels.Bounds);
        _shell = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<float>, ArrayView<byte>, ArrayView<byte>, ArrayView<int>, ArrayView<double>, ArrayView<double>, ArrayView<long>, GridSize, GridBox, double, int, int>(ShellKernels.Sum);
    }

    public string Backend { get; }

    public void SuvMap(ReadOnlySpan<short> stored, bool storedIsSigned, ReadOnlySpan<float> sliceFactors, VolumeShape shape, Span<float> suv)
    {
        int count = KernelArguments.VoxelCount(stored.Length, shape, nameof(stored));
        KernelArguments.VoxelCount(suv.Length, shape, nameof(suv));
        if (sliceFactors.Length != shape.Slices)
        {
            throw new ArgumentException($"{sliceFactors.Length} slice factors for {shape.Slices} slices.", nameof(sliceFactors));
        }

        if (count == 0)
        {
            return;
        }

        ArrayView<short> input = _buffers.Upload("stored", stored);
        ArrayView<float> factors = _buffers.Upload("factors", sliceFactors);
        ArrayView<float> output = _buffers.Get<float>("values", count);
        int chunk = _chunking.Chunk(count, reduction: false);
        _suvMap(KernelChunking.Chunks(count, chunk), input, factors, output, storedIsSigned ? 1 : 0,
            shape.Columns * shape.Rows, chunk, count);
        _accelerator.Synchronize();
        output.CopyToCPU(suv);
    }

    public void Dispose()
    {
        _buffers.Dispose();
        _accelerator.Dispose();
        _context.Dispose();
    }

    /// <summary>Replaces per-chunk counts by the sum of the counts before each chunk and returns the total.</summary>
    private static int ExclusivePrefixSum(Span<int> counts)
    {
        int total = 0;
        for (int t = 0; t < counts.Length; t++)
        {
            int n = counts[t];
            counts[t] = total;
            total = checked(total + n);
        }

        return total;
    }
}
