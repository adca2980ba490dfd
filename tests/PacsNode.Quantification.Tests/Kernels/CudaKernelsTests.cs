using PacsNode.Quantification.Kernels;
using Xunit;

namespace PacsNode.Quantification.Tests.Kernels;

/// <summary>The same checks on the first CUDA device; skipped when ILGPU finds none.</summary>
[Trait("Category", "Gpu")]
public sealed class CudaKernelsTests(IlgpuBackendFixture.Cuda fixture)
    : KernelConformanceTests, IClassFixture<IlgpuBackendFixture.Cuda>
{
    protected override IVolumeKernels? Candidate => fixture.Kernels;

    [Fact]
    public void Backend_CudaDevice_NamesTheDevice()
    {
        IVolumeKernels kernels = fixture.Kernels ?? SkipWithoutCuda();
        Assert.StartsWith("ilgpu-cuda (", kernels.Backend, StringComparison.Ordinal);
    }

    private static IVolumeKernels SkipWithoutCuda()
    {
        Assert.Skip("No CUDA device on this machine.");
        return null!;
    }
}
