using ILGPU.Runtime;
using PacsNode.Quantification.Kernels;
using PacsNode.Quantification.Kernels.Ilgpu;

namespace PacsNode.Quantification.Tests.Kernels;

/// <summary>One ILGPU backend per test class (creating one compiles every kernel), disposed after the class.</summary>
public abstract class IlgpuBackendFixture : IDisposable
{
    private readonly Lazy<IVolumeKernels?> _kernels;

    private protected IlgpuBackendFixture(Func<IVolumeKernels?> create) => _kernels = new Lazy<IVolumeKernels?>(create);

    public IVolumeKernels? Kernels => _kernels.Value;

    public void Dispose()
    {
        if (_kernels.IsValueCreated)
        {
            _kernels.Value?.Dispose();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>ILGPU's CPU accelerator with its default chunking (four long chunks per core).</summary>
    public sealed class CpuDefault() : IlgpuBackendFixture(() => KernelFactory.Create(AcceleratorChoice.Cpu));

    /// <summary>ILGPU's CPU accelerator with the GPU chunking (one element per thread): the CUDA launch shapes, run here.</summary>
    public sealed class CpuGpuChunking()
        : IlgpuBackendFixture(() => KernelFactory.CreateIlgpu(AcceleratorType.CPU, KernelChunking.ForGpu));

    /// <summary>ILGPU's CPU accelerator with seven threads, so chunk borders fall at odd places in rows and slices.</summary>
    public sealed class CpuSevenThreads()
        : IlgpuBackendFixture(() => KernelFactory.CreateIlgpu(AcceleratorType.CPU, new KernelChunking(7, 1, 1)));

    /// <summary>The first CUDA device, or null when there is none.</summary>
    public sealed class Cuda()
        : IlgpuBackendFixture(() => KernelFactory.HasCudaDevice() ? KernelFactory.Create(AcceleratorChoice.Cuda) : null);
}
