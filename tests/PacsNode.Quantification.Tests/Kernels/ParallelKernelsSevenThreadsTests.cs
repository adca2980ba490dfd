using PacsNode.Quantification.Kernels;
using PacsNode.Quantification.Kernels.Managed;

namespace PacsNode.Quantification.Tests.Kernels;

/// <summary>The managed backend with seven chunks, so chunk borders cut rows, slices and label runs at odd places.</summary>
public sealed class ParallelKernelsSevenThreadsTests : KernelConformanceTests
{
    protected override IVolumeKernels? Candidate { get; } = new ParallelKernels(7, inlineWork: 0);
}
