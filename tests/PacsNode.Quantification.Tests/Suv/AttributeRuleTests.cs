using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Quantification.Suv;
using PacsNode.Quantification.Tests.Support;
using Xunit;

namespace PacsNode.Quantification.Tests.Suv;

/// <summary>Units, dose, weight, consistency and refusal rules of DOMAIN.md section 2.</summary>
public sealed class AttributeRuleTests
{
    [Fact]
    public void DoseBelow1e5_ReadAsMegabecquerelAndRecorded()
    {
        DicomDataset slice = SyntheticPet.Slice();
        SyntheticPet.Item(slice).SetString(DicomTag.RadionuclideTotalDose, DicomVR.DS, "370");

        SuvResult result = SuvCalculator.Calculate([slice]);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.True(result.Factors.Provenance.DoseConvertedFromMegabecquerel);
        Assert.Equal(370e6, result.Factors.Provenance.DoseBq);
        Assert.Equal(SyntheticPet.FactorAfter(3600), result.Factors.SeriesFactorBw!.Value, 1e-15);
    }

    [Fact]
    public void WeightAbove1000_ReadAsGramsAndRecorded()
    {
        DicomDataset slice = SyntheticPet.Slice();
        slice.SetString(DicomTag.PatientWeight, DicomVR.DS, "70000");

        SuvResult result = SuvCalculator.Calculate([slice]);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.True(result.Factors.Provenance.WeightConvertedFromGrams);
        Assert.Equal(70, result.Factors.Provenance.WeightKg);
        Assert.Equal(SyntheticPet.FactorAfter(3600), result.Factors.SeriesFactorBw!.Value, 1e-15);
    }

    [Theory]
    [InlineData("weight", "PatientWeight (0010,1030)")]
    [InlineData("zero-weight", "PatientWeight (0010,1030)")]
    [InlineData("dose", "RadionuclideTotalDose (0018,1074)")]
    [InlineData("half-life", "RadionuclideHalfLife (0018,1075)")]
    [InlineData("injection", "RadiopharmaceuticalStartTime (0018,1072)")]
    [InlineData("units", "Units (0054,1001)")]
    [InlineData("decay", "DecayCorrection (0054,1102)")]
    public void MissingAttribute_RefusedNamingIt(string what, string named)
    {
        DicomDataset slice = SyntheticPet.Slice();
        DicomDataset item = SyntheticPet.Item(slice);
        _ = what switch
        {
            "weight" => slice.Remove(DicomTag.PatientWeight),
            "zero-weight" => Set(slice, DicomTag.PatientWeight, DicomVR.DS, "0"),
            "dose" => item.Remove(DicomTag.RadionuclideTotalDose),
            "half-life" => Set(item, DicomTag.RadionuclideHalfLife, DicomVR.DS, "0"),
            "injection" => item.Remove(DicomTag.RadiopharmaceuticalStartDateTime),
            "units" => slice.Remove(DicomTag.Units),
            _ => slice.Remove(DicomTag.DecayCorrection),
        };

        SuvResult result = SuvCalculator.Calculate([slice]);

        Assert.False(result.IsSuccess);
        Assert.Equal(SuvFailureReason.MissingAttribute, result.Failure.Reason);
        Assert.Contains(named, result.Failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(VariedAttribute.Weight, "PatientWeight (0010,1030)")]
    [InlineData(VariedAttribute.Units, "Units (0054,1001)")]
    [InlineData(VariedAttribute.Dose, "RadionuclideTotalDose (0018,1074)")]
    [InlineData(VariedAttribute.Decay, "DecayCorrection (0054,1102)")]
    public void SlicesDisagree_RefusedAsInconsistentNamingTheAttribute(VariedAttribute which, string named)
    {
        DicomDataset first = SyntheticPet.Slice(0), second = SyntheticPet.Slice(1);
        _ = which switch
        {
            VariedAttribute.Weight => Set(second, DicomTag.PatientWeight, DicomVR.DS, "71"),
            VariedAttribute.Units => Set(second, DicomTag.Units, DicomVR.CS, "CNTS"),
            VariedAttribute.Dose => Set(SyntheticPet.Item(second), DicomTag.RadionuclideTotalDose, DicomVR.DS, "360000000"),
            _ => Set(second, DicomTag.DecayCorrection, DicomVR.CS, "ADMIN"),
        };

        SuvResult result = SuvCalculator.Calculate([first, second]);

        Assert.False(result.IsSuccess);
        Assert.Equal(SuvFailureReason.InconsistentSeries, result.Failure.Reason);
        Assert.Contains(named, result.Failure.Message, StringComparison.Ordinal);
        Assert.Contains("2.25.1001", result.Failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NumericallyEqualWeights_AreConsistent()
    {
        DicomDataset first = SyntheticPet.Slice(0), second = SyntheticPet.Slice(1);
        second.SetString(DicomTag.PatientWeight, DicomVR.DS, "70.0");

        Assert.True(SuvCalculator.Calculate([first, second]).IsSuccess);
    }

    [Fact]
    public void NonZeroIntercept_Refused()
    {
        DicomDataset slice = SyntheticPet.Slice();
        slice.SetString(DicomTag.RescaleIntercept, DicomVR.DS, "-3");

        SuvResult result = SuvCalculator.Calculate([slice]);

        Assert.Equal(SuvFailureReason.NonZeroIntercept, result.Failure?.Reason);
    }

    [Theory]
    [InlineData("PROPCNTS")]
    [InlineData("PROPCPS")]
    [InlineData("1CM")]
    public void ProportionalUnits_RefusedAsUnconvertible(string units)
    {
        DicomDataset slice = SyntheticPet.Slice();
        slice.SetString(DicomTag.Units, DicomVR.CS, units);

        SuvResult result = SuvCalculator.Calculate([slice]);

        Assert.Equal(SuvFailureReason.UnconvertibleUnits, result.Failure?.Reason);
        Assert.Contains(units, result.Failure!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CountsWithoutPhilipsFactors_RefusedAsUnconvertible()
    {
        DicomDataset slice = SyntheticPet.Slice();
        slice.SetString(DicomTag.Units, DicomVR.CS, "CNTS");

        SuvResult result = SuvCalculator.Calculate([slice]);

        Assert.Equal(SuvFailureReason.UnconvertibleUnits, result.Failure?.Reason);
        Assert.Contains("Philips PET Private Group", result.Failure!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CountsWithActivityScaleInAnotherBlock_ResolvedThroughTheCreator()
    {
        DicomDataset slice = SyntheticPet.Slice();
        slice.SetString(DicomTag.Units, DicomVR.CS, "CNTS");
        slice.SetString(new DicomTag(0x7053, 0x0011), DicomVR.LO, "Philips PET Private Group");
        slice.SetString(new DicomTag(0x7053, 0x1109), DicomVR.DS, "0.5");

        SuvResult result = SuvCalculator.Calculate([slice]);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(0.5 * SyntheticPet.FactorAfter(3600), result.Factors.SeriesFactorBw!.Value, 1e-15);
        Assert.Empty(result.Factors.Provenance.Warnings);
    }

    [Fact]
    public void CountsPerSecond_MultipliedByDoseCalibrationFactor()
    {
        DicomDataset slice = SyntheticPet.Slice();
        slice.SetString(DicomTag.Units, DicomVR.CS, "CPS");
        slice.SetString(DicomTag.DoseCalibrationFactor, DicomVR.DS, "2.5");

        SuvResult result = SuvCalculator.Calculate([slice]);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(2.5 * SyntheticPet.FactorAfter(3600), result.Factors.SeriesFactorBw!.Value, 1e-15);
    }

    [Fact]
    public void GmlWithAmbiguousLbm_Refused()
    {
        DicomDataset slice = SyntheticPet.Slice();
        slice.SetString(DicomTag.Units, DicomVR.CS, "GML");
        slice.SetString(DicomTag.SUVType, DicomVR.CS, "LBM");

        Assert.Equal(SuvFailureReason.AmbiguousSuvType, SuvCalculator.Calculate([slice]).Failure?.Reason);
    }

    [Theory]
    [InlineData("6586.2", false)]
    [InlineData("6588", false)]
    [InlineData("6000", true)]
    public void HalfLifeFarFromTable_Warns(string halfLife, bool warns)
    {
        DicomDataset slice = SyntheticPet.Slice();
        SyntheticPet.Item(slice).SetString(DicomTag.RadionuclideHalfLife, DicomVR.DS, halfLife);

        SuvResult result = SuvCalculator.Calculate([slice]);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(warns, result.Factors.Provenance.Warnings.Any(w => w.Contains("F-18 table value", StringComparison.Ordinal)));
    }

    private static bool Set(DicomDataset dataset, DicomTag tag, DicomVR vr, string value)
    {
        dataset.SetString(tag, vr, value);
        return true;
    }
}
