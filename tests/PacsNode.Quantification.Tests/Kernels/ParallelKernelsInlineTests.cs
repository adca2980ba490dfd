using PacsNode.Quantification.Kernels;
using PacsNode.Quantification.Kernels.Managed;

namespace PacsNode.Quantification.Tests.Kernels;

/// <summary>The managed backend as the factory makes it: the test volumes are small, so spheres and shells run inline.</summary>
public sealed class ParallelKernelsInlineTests : KernelConformanceTests
{
    protected override IVolumeKernels? Candidate { get; } = new ParallelKernels(4 * Environment.ProcessorCount);
}
