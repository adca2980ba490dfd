using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Quantification.Suv;
using PacsNode.Quantification.Tests.Support;
using Xunit;

namespace PacsNode.Quantification.Tests.Suv;

/// <summary>Each decay-correction branch and time rule of DOMAIN.md section 2, by hand calculation.</summary>
public sealed class DecayBranchTests
{
    [Fact]
    public void Start_OneHourAfterInjection_DecaysDoseToSeriesTime()
    {
        SuvResult result = SuvCalculator.Calculate([SyntheticPet.Slice()]);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(SyntheticPet.FactorAfter(3600), result.Factors.SeriesFactorBw!.Value, 1e-15);
        Assert.Equal(ReferenceTimeSource.SeriesDateTime, result.Factors.Provenance.ReferenceTimeSource);
    }

    [Fact]
    public void Admin_DoseNotDecayed()
    {
        DicomDataset slice = SyntheticPet.Slice();
        slice.SetString(DicomTag.DecayCorrection, DicomVR.CS, "ADMIN");

        SuvResult result = SuvCalculator.Calculate([slice]);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(70_000 / 370e6, result.Factors.SeriesFactorBw!.Value, 1e-15);
    }

    [Fact]
    public void None_EachSliceDecayedToItsAcquisitionPlusAverageCountRateTime()
    {
        DicomDataset first = SyntheticPet.Slice(0), second = SyntheticPet.Slice(1);
        foreach (DicomDataset s in new[] { first, second })
        {
            s.SetString(DicomTag.DecayCorrection, DicomVR.CS, "NONE");
            s.SetString(DicomTag.CorrectedImage, DicomVR.CS, "ATTN");
            s.SetString(DicomTag.ActualFrameDuration, DicomVR.IS, "300000");
        }

        second.SetString(DicomTag.AcquisitionTime, DicomVR.TM, "110500");

        SuvResult result = SuvCalculator.Calculate([first, second]);

        Assert.True(result.IsSuccess, result.ToString());
        // λ = ln2/6586.2, d = 300 s: (1/λ)·ln(λd/(1−e^(−λd))) = 149.60534 s.
        Assert.Equal(SyntheticPet.FactorAfter(3600 + 149.60534445734095), result.Factors.Slices[0].FactorBw, 1e-12);
        Assert.Equal(SyntheticPet.FactorAfter(3900 + 149.60534445734095), result.Factors.Slices[1].FactorBw, 1e-12);
        Assert.Null(result.Factors.SeriesFactorBw);
        Assert.Equal(ReferenceTimeSource.PerSliceAcquisition, result.Factors.Provenance.ReferenceTimeSource);
    }

    [Fact]
    public void None_WithoutFrameDuration_DecaysToAcquisitionAndWarns()
    {
        DicomDataset slice = SyntheticPet.Slice();
        slice.SetString(DicomTag.DecayCorrection, DicomVR.CS, "NONE");

        SuvResult result = SuvCalculator.Calculate([slice]);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(SyntheticPet.FactorAfter(3600), result.Factors.Slices[0].FactorBw, 1e-15);
        Assert.Contains(result.Factors.Provenance.Warnings, w => w.Contains("ActualFrameDuration", StringComparison.Ordinal));
    }

    [Fact]
    public void TimeOnlyInjection_LaterThanScan_WasTheDayBefore()
    {
        DicomDataset slice = SyntheticPet.Slice();
        slice.SetString(DicomTag.SeriesDate, DicomVR.DA, "20250102");
        slice.SetString(DicomTag.SeriesTime, DicomVR.TM, "003000");
        slice.SetString(DicomTag.AcquisitionDate, DicomVR.DA, "20250102");
        slice.SetString(DicomTag.AcquisitionTime, DicomVR.TM, "003000");
        SyntheticPet.Item(slice).Remove(DicomTag.RadiopharmaceuticalStartDateTime);
        SyntheticPet.Item(slice).SetString(DicomTag.RadiopharmaceuticalStartTime, DicomVR.TM, "233000");

        SuvResult result = SuvCalculator.Calculate([slice]);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(InjectionTimeSource.StartTimeOnDayBeforeSeriesDate, result.Factors.Provenance.InjectionTimeSource);
        Assert.Equal(new DateTime(2025, 1, 1, 23, 30, 0), result.Factors.Provenance.InjectionTime);
        Assert.Equal(SyntheticPet.FactorAfter(3600), result.Factors.SeriesFactorBw!.Value, 1e-15);
    }

    [Fact]
    public void Zirconium89_TimeWithoutDate_RefusedSayingWhy()
    {
        SuvResult result = SuvCalculator.Calculate([SyntheticPet.Zirconium()]);

        Assert.False(result.IsSuccess);
        Assert.Equal(SuvFailureReason.AmbiguousInjectionDate, result.Failure.Reason);
        Assert.Contains("RadiopharmaceuticalStartTime (0018,1072)", result.Failure.Message, StringComparison.Ordinal);
        Assert.Contains("more than 12 h", result.Failure.Message, StringComparison.Ordinal);
        Assert.Contains("any number of days", result.Failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Zirconium89_TimeWithConfiguredDate_DecaysOverFourDays()
    {
        var options = new SuvOptions { InjectionDate = new DateOnly(2025, 1, 1) };

        SuvResult result = SuvCalculator.Calculate([SyntheticPet.Zirconium()], options);

        Assert.True(result.IsSuccess, result.ToString());
        // 2025-01-01 10:00 → 2025-01-05 11:00 = 349200 s.
        double expected = 70_000 / (37e6 * Math.Pow(2, -349_200 / 282_276.0));
        Assert.Equal(expected, result.Factors.SeriesFactorBw!.Value, expected * 1e-12);
        Assert.Equal(InjectionTimeSource.StartTimeOnConfiguredDate, result.Factors.Provenance.InjectionTimeSource);
        Assert.Equal("Zr-89", result.Factors.Provenance.Nuclide);
        Assert.Empty(result.Factors.Provenance.Warnings);
    }

    [Fact]
    public void SeriesAfterAcquisition_NoPrivateNoFrameReference_UsesEarliestAcquisition()
    {
        DicomDataset early = SyntheticPet.Slice(0), late = SyntheticPet.Slice(1);
        foreach (DicomDataset s in new[] { early, late })
        {
            s.SetString(DicomTag.SeriesTime, DicomVR.TM, "113000");
        }

        early.SetString(DicomTag.AcquisitionTime, DicomVR.TM, "110000");
        late.SetString(DicomTag.AcquisitionTime, DicomVR.TM, "111000");

        SuvResult result = SuvCalculator.Calculate([late, early]);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(ReferenceTimeSource.EarliestAcquisition, result.Factors.Provenance.ReferenceTimeSource);
        Assert.Equal(SyntheticPet.FactorAfter(3600), result.Factors.SeriesFactorBw!.Value, 1e-15);
    }

    [Fact]
    public void InjectionAfterScan_RefusedAsNegativeDecayTime()
    {
        DicomDataset slice = SyntheticPet.Slice();
        SyntheticPet.Item(slice).SetString(DicomTag.RadiopharmaceuticalStartDateTime, DicomVR.DT, "20250101120000");

        SuvResult result = SuvCalculator.Calculate([slice]);

        Assert.Equal(SuvFailureReason.NegativeDecayTime, result.Failure?.Reason);
    }
}
