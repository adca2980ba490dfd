using PacsNode.Quantification.Kernels;

namespace PacsNode.Host.Commands;

/// <summary>
/// The one place that turns <c>--accelerator auto|cuda|opencl|cpu|parallel|reference</c> into kernels, through
/// <see cref="KernelFactory"/>: auto is CUDA when a device exists, else the managed parallel backend (measured faster
/// than ILGPU's CPU emulation, docs/BENCHMARKS.md). An explicit choice that is not available fails with the factory's
/// reason rather than silently falling back.
/// </summary>
internal static class KernelSelection
{
    public static IReadOnlyList<string> Names => AcceleratorChoiceText.Names;

    public static IVolumeKernels Create(string name)
    {
        if (!AcceleratorChoiceText.TryParse(name, out AcceleratorChoice choice))
        {
            throw new UsageException($"unknown accelerator '{name}' (expected one of {string.Join(", ", Names)})");
        }

        try
        {
            return KernelFactory.Create(choice);
        }
        catch (InvalidOperationException ex)
        {
            throw new CommandException($"accelerator '{name}': {ex.Message}");
        }
    }
}
