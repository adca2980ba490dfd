namespace PacsNode.Quantification.Kernels;

/// <summary>Which backend runs the volume kernels (<c>--accelerator auto|cuda|opencl|cpu|parallel|reference</c>).</summary>
public enum AcceleratorChoice
{
    /// <summary>
    /// CUDA when a CUDA device exists, else <see cref="Parallel"/>: on the CPU, ILGPU's accelerator measured slower than
    /// plain C# (docs/BENCHMARKS.md, "Volume kernels").
    /// </summary>
    Auto,

    /// <summary>The first CUDA device; fails when there is none.</summary>
    Cuda,

    /// <summary>The first OpenCL device; fails when there is none (needs double precision, cl_khr_fp64).</summary>
    OpenCl,

    /// <summary>ILGPU's CPU accelerator (the same kernel source as CUDA, run on the host's cores by ILGPU's emulator).</summary>
    Cpu,

    /// <summary>The same algorithms in plain C# on the thread pool (no ILGPU); the fastest choice without a GPU.</summary>
    Parallel,

    /// <summary>The plain single-threaded C# <see cref="ReferenceKernels"/>.</summary>
    Reference,
}
