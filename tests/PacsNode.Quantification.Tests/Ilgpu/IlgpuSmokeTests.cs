using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using Xunit;

namespace PacsNode.Quantification.Tests.Ilgpu;

/// <summary>
/// Proves ILGPU 1.5.3 compiles and runs a kernel on net10.0 with its CPU accelerator, in the style the
/// quantification kernels will use (STYLE.md 3.7): each thread sums one contiguous chunk of the input.
/// </summary>
public sealed class IlgpuSmokeTests
{
    [Fact]
    public void CpuAccelerator_ChunkedSumKernel_MatchesPlainSum()
    {
        const int length = 100_003;
        const int chunk = 4096;
        float[] data = new float[length];
        for (int i = 0; i < length; i++)
        {
            data[i] = i % 17;
        }

        int chunks = (length + chunk - 1) / chunk;
        using var context = Context.CreateDefault();
        using var accelerator = context.CreateCPUAccelerator(0);
        var kernel = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<float>, ArrayView<double>, int>(SumChunk);
        using var input = accelerator.Allocate1D(data);
        using var output = accelerator.Allocate1D<double>(chunks);

        kernel(chunks, input.View, output.View, chunk);
        accelerator.Synchronize();
        double[] sums = output.GetAsArray1D();

        double expected = 0;
        foreach (float value in data)
        {
            expected += value;
        }

        Assert.Equal(expected, sums.Sum());
        Assert.Equal(data.Take(chunk).Sum(v => (double)v), sums[0]);
    }

    private static void SumChunk(Index1D index, ArrayView<float> input, ArrayView<double> output, int chunk)
    {
        long start = (long)index.X * chunk;
        long end = Math.Min(start + chunk, input.Length);
        double sum = 0;
        for (long i = start; i < end; i++)
        {
            sum += input[i];
        }

        output[index] = sum;
    }
}
