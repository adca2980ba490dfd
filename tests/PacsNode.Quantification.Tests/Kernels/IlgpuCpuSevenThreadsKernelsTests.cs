using PacsNode.Quantification.Kernels;
using Xunit;

namespace PacsNode.Quantification.Tests.Kernels;

/// <summary>The ILGPU kernels with seven threads, so chunk borders cut rows, slices and label runs at odd places.</summary>
public sealed class IlgpuCpuSevenThreadsKernelsTests(IlgpuBackendFixture.CpuSevenThreads fixture)
    : KernelConformanceTests, IClassFixture<IlgpuBackendFixture.CpuSevenThreads>
{
    protected override IVolumeKernels? Candidate => fixture.Kernels;
}
