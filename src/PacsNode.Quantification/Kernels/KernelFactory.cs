using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using ILGPU.Runtime.Cuda;
using ILGPU.Runtime.OpenCL;
using PacsNode.Quantification.Kernels.Ilgpu;
using PacsNode.Quantification.Kernels.Managed;

namespace PacsNode.Quantification.Kernels;

/// <summary>
/// Creates the kernel backend chosen at start. <see cref="AcceleratorChoice.Auto"/> takes the first CUDA device when
/// one exists, else the managed <see cref="ParallelKernels"/> (ILGPU's CPU accelerator is kept as an explicit choice:
/// it runs the GPU's kernel source, but measured slower than plain C#); an explicit choice that is not available fails with
/// <see cref="InvalidOperationException"/> naming what was missing. The result's <see cref="IVolumeKernels.Backend"/>
/// names the device, for the logs and the results. Creating an ILGPU backend compiles every kernel (seconds): do it once.
/// </summary>
public static class KernelFactory
{
    public static IVolumeKernels Create(AcceleratorChoice choice) => choice switch
    {
        AcceleratorChoice.Reference => new ReferenceKernels(),
        AcceleratorChoice.Auto => HasCudaDevice() ? CreateIlgpu(AcceleratorType.Cuda, null) : CreateParallel(),
        AcceleratorChoice.Cuda => CreateIlgpu(AcceleratorType.Cuda, null),
        AcceleratorChoice.OpenCl => CreateIlgpu(AcceleratorType.OpenCL, null),
        AcceleratorChoice.Cpu => CreateIlgpu(AcceleratorType.CPU, null),
        AcceleratorChoice.Parallel => CreateParallel(),
        _ => throw new ArgumentOutOfRangeException(nameof(choice), choice, "Unknown accelerator choice."),
    };

    /// <summary>The managed thread-pool backend, four chunks per core.</summary>
    internal static IVolumeKernels CreateParallel() => new ParallelKernels(4 * Environment.ProcessorCount);

    /// <summary>Whether ILGPU finds a CUDA device (a driver and a GPU) on this machine.</summary>
    public static bool HasCudaDevice()
    {
        using var context = Context.Create(builder => builder.Cuda());
        return context.GetCudaDevices().Count > 0;
    }

    /// <summary>
    /// An ILGPU backend on the first device of <paramref name="type"/>, with <paramref name="chunking"/> or the device's
    /// default (long chunks on the CPU accelerator, one element per thread on a GPU).
    /// </summary>
    internal static IVolumeKernels CreateIlgpu(AcceleratorType type, KernelChunking? chunking)
    {
        var context = Context.Create(builder => builder.CPU().Cuda().OpenCL().EnableAlgorithms().Math(MathMode.Default));
        try
        {
            Device device = type switch
            {
                AcceleratorType.CPU => context.GetCPUDevice(0),
                AcceleratorType.Cuda => context.GetCudaDevices().Count > 0
                    ? context.GetCudaDevice(0)
                    : throw new InvalidOperationException("No CUDA device was found (no NVIDIA GPU or no CUDA driver)."),
                AcceleratorType.OpenCL => context.GetCLDevices().Count > 0
                    ? context.GetCLDevice(0)
                    : throw new InvalidOperationException("No OpenCL device was found (no ICD loader or no device)."),
                _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unsupported accelerator type."),
            };
            Accelerator accelerator = device.CreateAccelerator(context);
            try
            {
                string backend = type switch
                {
                    AcceleratorType.CPU => "ilgpu-cpu",
                    AcceleratorType.Cuda => $"ilgpu-cuda ({accelerator.Name})",
                    _ => $"ilgpu-opencl ({accelerator.Name})",
                };
                KernelChunking chosen = chunking
                    ?? (type == AcceleratorType.CPU ? KernelChunking.ForCpu(Environment.ProcessorCount) : KernelChunking.ForGpu);
                return new IlgpuKernels(context, accelerator, chosen, backend);
            }
            catch
            {
                accelerator.Dispose();
                throw;
            }
        }
        catch
        {
            context.Dispose();
            throw;
        }
    }
}
