using PacsNode.Quantification.Lesions;
using PacsNode.Quantification.Volume;
using Xunit;

namespace PacsNode.Quantification.Tests.Lesions;

public sealed class DetectionThresholdTests
{
    private static readonly LiverReference Liver = new(new PatientVector(0, 0, 0), (0, 0, 0), 2.0, 0.25, 1.5, 0.1875, true);

    [Fact]
    public void From_LiverWithSul_IsPercistInSulConvertedToSuvbw()
    {
        // SUL ratio 0.75: 1.5·1.5 + 2·0.1875 = 2.625 SUL = 3.5 SUVbw.
        var threshold = DetectionThreshold.From(Liver, 0.75, 2.5);

        Assert.Equal(2.625, threshold.Sul!.Value, 1e-12);
        Assert.Equal(3.5, threshold.Suv, 1e-12);
        Assert.StartsWith("PERCIST", threshold.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void From_LiverWithoutSul_UsesTheFormulaOnSuvbwAndSaysSo()
    {
        var threshold = DetectionThreshold.From(Liver with { SulMean = null, SulSd = null }, null, 2.5);

        Assert.Equal((1.5 * 2.0) + (2 * 0.25), threshold.Suv, 1e-12);
        Assert.Null(threshold.Sul);
        Assert.Contains("no SUL", threshold.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void From_NoLiver_FallsBackAndSaysSo()
    {
        var threshold = DetectionThreshold.From(null, 0.8, 2.5);

        Assert.Equal(2.5, threshold.Suv);
        Assert.Equal(2.0, threshold.Sul!.Value, 1e-12);
        Assert.StartsWith("fallback", threshold.Source, StringComparison.Ordinal);
    }
}
