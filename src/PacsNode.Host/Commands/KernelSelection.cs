using PacsNode.Quantification.Kernels;

namespace PacsNode.Host.Commands;

/// <summary>
/// The one place that turns <c>--accelerator auto|cuda|opencl|cpu|reference</c> into kernels. Only the plain C#
/// reference exists in this build; <c>auto</c> means the reference until the ILGPU factory (CPU accelerator, CUDA,
/// OpenCL) is wired here, and asking for those explicitly fails with a clear message rather than silently falling back.
/// </summary>
internal static class KernelSelection
{
    public static readonly IReadOnlyList<string> Names = ["auto", "cuda", "opencl", "cpu", "reference"];

    public static IVolumeKernels Create(string name) => name switch
    {
        "auto" or "reference" => new ReferenceKernels(),
        "cuda" or "opencl" or "cpu" => throw new CommandException($"accelerator '{name}': the ILGPU backends are not wired into this build yet; use auto or reference"),
        _ => throw new UsageException($"unknown accelerator '{name}' (expected one of {string.Join(", ", Names)})"),
    };
}
