using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Quantification.Suv;
using PacsNode.Quantification.Tests.Support;
using Xunit;

namespace PacsNode.Quantification.Tests.Suv;

/// <summary>The normalisers of DOMAIN.md section 2, worked by hand for W = 70 kg, H = 175 cm (BMI 22.857).</summary>
public sealed class NormaliserTests
{
    [Theory]
    [InlineData(true, 56.52)] // 1.10·70 − 128·(70/175)² = 77 − 20.48
    [InlineData(false, 51.22)] // 1.07·70 − 148·0.16 = 74.9 − 23.68
    public void James128_HandCalculation(bool male, double expected) =>
        Assert.Equal(expected, BodySize.LeanBodyMassJames128(70, 175, male), 1e-9);

    [Theory]
    [InlineData(true, 55.857107722577474)] // 9270·70 / (6680 + 216·22.857)
    [InlineData(false, 45.19701492537313)] // 9270·70 / (8780 + 244·22.857)
    public void Janma_HandCalculation(bool male, double expected) =>
        Assert.Equal(expected, BodySize.LeanBodyMassJanma(70, 175, male), 1e-9);

    [Fact]
    public void DuBois_HandCalculation() =>
        Assert.Equal(1.8481430181213463, BodySize.BodySurfaceAreaDuBois(70, 175), 1e-12); // 0.007184·70^0.425·175^0.725

    [Theory]
    [InlineData(true, 72.38)] // 48 + 1.06·23
    [InlineData(false, 66.43)] // 45.5 + 0.91·23
    public void IdealBodyWeight_HandCalculation(bool male, double expected) =>
        Assert.Equal(expected, BodySize.IdealBodyWeight(175, male), 1e-9);

    [Fact]
    public void SexOther_UsesMeanOfBothFormulasAndRecordsIt()
    {
        DicomDataset slice = SyntheticPet.Slice();
        slice.SetString(DicomTag.PatientSex, DicomVR.CS, "O");

        SuvResult result = SuvCalculator.Calculate([slice]);

        Assert.True(result.IsSuccess, result.ToString());
        IReadOnlyDictionary<SuvNormalisation, double> ratios = result.Factors.NormaliserRatios;
        Assert.Equal((55.857107722577474 + 45.19701492537313) / 2 / 70, ratios[SuvNormalisation.LeanBodyMassJanma], 1e-12);
        Assert.Equal((56.52 + 51.22) / 2 / 70, ratios[SuvNormalisation.LeanBodyMassJames128], 1e-12);
        Assert.Equal((72.38 + 66.43) / 2 / 70, ratios[SuvNormalisation.IdealBodyWeight], 1e-12);
        Assert.Contains(result.Factors.Provenance.Notes, n => n.Contains("mean of the male and female", StringComparison.Ordinal));
    }

    [Fact]
    public void Male_FactorsForEveryNormaliser()
    {
        SuvResult result = SuvCalculator.Calculate([SyntheticPet.Slice()]);

        Assert.True(result.IsSuccess, result.ToString());
        double bw = SyntheticPet.FactorAfter(3600);
        Assert.True(result.Factors.TryGetFactor(0, SuvNormalisation.LeanBodyMassJanma, out double sul));
        Assert.Equal(bw * 55.857107722577474 / 70, sul, 1e-15);
        Assert.True(result.Factors.TryGetFactor(0, SuvNormalisation.BodySurfaceArea, out double bsa));
        Assert.Equal(bw * 18481.430181213463 / 70_000, bsa, 1e-15);
    }

    [Fact]
    public void NoHeight_OnlyBodyWeightAvailableAndSaidWhy()
    {
        DicomDataset slice = SyntheticPet.Slice();
        slice.Remove(DicomTag.PatientSize);

        SuvResult result = SuvCalculator.Calculate([slice]);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal([SuvNormalisation.BodyWeight], result.Factors.NormaliserRatios.Keys);
        Assert.False(result.Factors.TryGetFactor(0, SuvNormalisation.LeanBodyMassJanma, out _));
        Assert.Contains(result.Factors.Provenance.Notes, n => n.Contains("PatientSize missing", StringComparison.Ordinal));
    }
}
