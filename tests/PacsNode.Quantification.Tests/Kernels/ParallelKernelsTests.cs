using PacsNode.Quantification.Kernels;
using PacsNode.Quantification.Kernels.Managed;

namespace PacsNode.Quantification.Tests.Kernels;

/// <summary>The managed thread-pool backend with four chunks per core equals the reference (inline shortcuts off, so every call takes the threaded path).</summary>
public sealed class ParallelKernelsTests : KernelConformanceTests
{
    protected override IVolumeKernels? Candidate { get; } = new ParallelKernels(4 * Environment.ProcessorCount, inlineWork: 0);
}
