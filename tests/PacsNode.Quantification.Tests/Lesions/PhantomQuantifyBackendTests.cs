using PacsNode.Dicom.IO;
using PacsNode.Quantification.Kernels;
using PacsNode.Quantification.Lesions;
using PacsNode.Quantification.Phantoms;
using PacsNode.Quantification.Vois;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Quantification.Tests.Lesions;

/// <summary>
/// Issue 4: the CPU reference, the thread-pool kernels, ILGPU's CPU accelerator and (when a CUDA device exists) CUDA
/// quantify the noisy FDG phantom identically: the same liver, threshold and candidates (ids, seeds, rejections),
/// SUVmax and its voxel exactly, the other metrics within 1e-6 relative.
/// </summary>
public sealed class PhantomQuantifyBackendTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Backends_NoisyFdgPhantom_ParallelAndIlgpuCpuEqualReference()
    {
        using var temp = new TempDirectory("phquant");
        (_, IReadOnlyList<DicomFile> files) = await PhantomQuantifyTests.WriteAsync(PhantomQuantifyTests.Spec(PhantomTracer.Fdg, noisy: true), temp);
        QuantifyResult reference = await QuantifyAsync(AcceleratorChoice.Reference, files);

        Assert.True(reference.IsSuccess, reference.Failure?.Message);
        Assert.True(reference.Detection!.Lesions.Count() >= 4);
        foreach (AcceleratorChoice choice in new[] { AcceleratorChoice.Parallel, AcceleratorChoice.Cpu })
        {
            AssertSame(reference, await QuantifyAsync(choice, files));
        }
    }

    [Fact]
    [Trait("Category", "Gpu")]
    public async Task Backends_NoisyFdgPhantom_CudaEqualsReference()
    {
        if (!KernelFactory.HasCudaDevice())
        {
            Assert.Skip("No CUDA device on this machine.");
        }

        using var temp = new TempDirectory("phquant");
        (_, IReadOnlyList<DicomFile> files) = await PhantomQuantifyTests.WriteAsync(PhantomQuantifyTests.Spec(PhantomTracer.Fdg, noisy: true), temp);

        AssertSame(await QuantifyAsync(AcceleratorChoice.Reference, files), await QuantifyAsync(AcceleratorChoice.Cuda, files));
    }

    private static async Task<QuantifyResult> QuantifyAsync(AcceleratorChoice choice, IReadOnlyList<DicomFile> files)
    {
        using IVolumeKernels kernels = KernelFactory.Create(choice);
        return await new PetQuantifier(kernels).QuantifyAsync(files, new QuantifyRequest(), Token);
    }

    private static void AssertSame(QuantifyResult expected, QuantifyResult actual)
    {
        Assert.True(actual.IsSuccess, actual.Failure?.Message);
        Assert.Equal(expected.Liver!.Liver?.CentreMm, actual.Liver.Liver?.CentreMm);
        Close(expected.Detection!.Threshold.Suv, actual.Detection!.Threshold.Suv, actual.Backend);
        Assert.Equal(expected.Detection.Candidates.Count, actual.Detection.Candidates.Count);
        foreach ((LesionCandidate e, LesionCandidate a) in expected.Detection.Candidates.Zip(actual.Detection.Candidates))
        {
            Assert.Equal((e.Id, e.SeedVoxel, e.SeedSuv, e.Rejection), (a.Id, a.SeedVoxel, a.SeedSuv, a.Rejection));
            Assert.Equal(e.Voi?.Voxels, a.Voi?.Voxels);
            if (e.Metrics is not VoiMetrics m)
            {
                Assert.Null(a.Metrics);
                continue;
            }

            VoiMetrics n = a.Metrics!;
            Assert.Equal((m.SuvMax, m.SuvMaxVoxel, m.VoxelCount, m.SuvMin), (n.SuvMax, n.SuvMaxVoxel, n.VoxelCount, n.SuvMin));
            Close(m.SuvPeak, n.SuvPeak, actual.Backend);
            Close(m.SuvMean, n.SuvMean, actual.Backend);
            Close(m.SuvSd, n.SuvSd, actual.Backend);
            Close(m.MtvMl, n.MtvMl, actual.Backend);
            Close(m.BackgroundMean ?? 0, n.BackgroundMean ?? 0, actual.Backend);
            Assert.Equal(m.BackgroundVoxelCount, n.BackgroundVoxelCount);
        }
    }

    private static void Close(double expected, double actual, string backend) =>
        Assert.True(Math.Abs(expected - actual) <= Math.Abs(expected) * 1e-6, $"{backend}: {actual:R} vs reference {expected:R}");
}
