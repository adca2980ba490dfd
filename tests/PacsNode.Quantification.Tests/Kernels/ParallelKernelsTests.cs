using PacsNode.Quantification.Kernels;
using PacsNode.Quantification.Kernels.Managed;

namespace PacsNode.Quantification.Tests.Kernels;

/// <summary>The managed thread-pool backend with four chunks per core equals the reference.</summary>
public sealed class ParallelKernelsTests : KernelConformanceTests
{
    protected override IVolumeKernels? Candidate { get; } = new ParallelKernels(4 * Environment.ProcessorCount);
}
