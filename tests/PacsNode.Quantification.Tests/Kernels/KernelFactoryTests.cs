using PacsNode.Quantification.Kernels;
using Xunit;

namespace PacsNode.Quantification.Tests.Kernels;

public sealed class KernelFactoryTests
{
    [Theory]
    [InlineData("auto", AcceleratorChoice.Auto)]
    [InlineData("CUDA", AcceleratorChoice.Cuda)]
    [InlineData(" opencl ", AcceleratorChoice.OpenCl)]
    [InlineData("Cpu", AcceleratorChoice.Cpu)]
    [InlineData("parallel", AcceleratorChoice.Parallel)]
    [InlineData("reference", AcceleratorChoice.Reference)]
    public void Parse_KnownWord_GivesTheChoiceAndFormatsBack(string text, AcceleratorChoice expected)
    {
        AcceleratorChoice choice = AcceleratorChoiceText.Parse(text);

        Assert.Equal(expected, choice);
        Assert.Equal(text.Trim().ToLowerInvariant(), AcceleratorChoiceText.Format(choice));
    }

    [Theory]
    [InlineData("gpu")]
    [InlineData("")]
    [InlineData(null)]
    public void Parse_UnknownWord_ThrowsNamingTheAcceptedWords(string? text)
    {
        Assert.False(AcceleratorChoiceText.TryParse(text, out _));
        var error = Assert.Throws<FormatException>(() => AcceleratorChoiceText.Parse(text));
        Assert.Contains("auto, cuda, opencl, cpu, parallel, reference", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_Reference_IsThePlainCSharpBackend()
    {
        using IVolumeKernels kernels = KernelFactory.Create(AcceleratorChoice.Reference);
        Assert.IsType<ReferenceKernels>(kernels);
        Assert.Equal("reference", kernels.Backend);
    }

    [Fact]
    public void Create_Auto_TakesCudaWhenPresentElseTheManagedParallelBackend()
    {
        bool cuda = KernelFactory.HasCudaDevice();

        using IVolumeKernels kernels = KernelFactory.Create(AcceleratorChoice.Auto);

        if (cuda)
        {
            Assert.StartsWith("ilgpu-cuda (", kernels.Backend, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal("parallel-cpu", kernels.Backend);
        }
    }

    [Fact]
    public void Create_Cpu_IsIlgpusCpuAccelerator()
    {
        using IVolumeKernels kernels = KernelFactory.Create(AcceleratorChoice.Cpu);
        Assert.Equal("ilgpu-cpu", kernels.Backend);
    }

    [Fact]
    public void Create_CudaWithoutDevice_FailsNamingCuda()
    {
        Assert.SkipWhen(KernelFactory.HasCudaDevice(), "This machine has a CUDA device.");

        var error = Assert.Throws<InvalidOperationException>(() => KernelFactory.Create(AcceleratorChoice.Cuda));

        Assert.Contains("CUDA", error.Message, StringComparison.Ordinal);
    }
}
