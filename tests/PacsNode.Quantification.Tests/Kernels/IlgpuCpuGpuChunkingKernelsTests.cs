using PacsNode.Quantification.Kernels;
using Xunit;

namespace PacsNode.Quantification.Tests.Kernels;

/// <summary>
/// The ILGPU kernels with the GPU's launch shape (one voxel or centre per thread, 256 per reduction thread), run on the
/// CPU accelerator: the many concurrent threads and atomics of the CUDA path, checked without a GPU.
/// </summary>
public sealed class IlgpuCpuGpuChunkingKernelsTests(IlgpuBackendFixture.CpuGpuChunking fixture)
    : KernelConformanceTests, IClassFixture<IlgpuBackendFixture.CpuGpuChunking>
{
    protected override IVolumeKernels? Candidate => fixture.Kernels;
}
