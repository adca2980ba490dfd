using PacsNode.Quantification.Kernels;
using Xunit;

namespace PacsNode.Quantification.Tests.Kernels;

/// <summary>The ILGPU kernels on the CPU accelerator with the default CPU chunking equal the reference.</summary>
public sealed class IlgpuCpuKernelsTests(IlgpuBackendFixture.CpuDefault fixture)
    : KernelConformanceTests, IClassFixture<IlgpuBackendFixture.CpuDefault>
{
    protected override IVolumeKernels? Candidate => fixture.Kernels;

    [Fact]
    public void Backend_CpuAccelerator_IsNamedIlgpuCpu() => Assert.Equal("ilgpu-cpu", fixture.Kernels!.Backend);
}
