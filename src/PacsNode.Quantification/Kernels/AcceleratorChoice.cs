namespace PacsNode.Quantification.Kernels;

/// <summary>Which backend runs the volume kernels (<c>--accelerator auto|cuda|opencl|cpu|reference</c>).</summary>
public enum AcceleratorChoice
{
    /// <summary>CUDA when a CUDA device exists, else ILGPU's CPU accelerator.</summary>
    Auto,

    /// <summary>The first CUDA device; fails when there is none.</summary>
    Cuda,

    /// <summary>The first OpenCL device; fails when there is none (needs double precision, cl_khr_fp64).</summary>
    OpenCl,

    /// <summary>ILGPU's CPU accelerator (the same kernel source as CUDA, run on the host's cores).</summary>
    Cpu,

    /// <summary>The plain single-threaded C# <see cref="ReferenceKernels"/>.</summary>
    Reference,
}
