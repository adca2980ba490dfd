using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Quantification.Lesions;
using PacsNode.Quantification.Tests.Support;
using Xunit;

namespace PacsNode.Quantification.Tests.Lesions;

public sealed class GlucoseTracerTests
{
    [Theory]
    [InlineData("FDG", true)]
    [InlineData("Fluorodeoxyglucose", true)]
    [InlineData("Ga68-PSMA", false)]
    [InlineData("89Zr-trastuzumab", false)]
    public void Is_RadiopharmaceuticalText_NamesGlucoseOrNot(string text, bool expected)
    {
        DicomDataset slice = SyntheticPet.Slice();
        SyntheticPet.Item(slice).SetString(DicomTag.Radiopharmaceutical, DicomVR.LO, text);

        Assert.Equal(expected, GlucoseTracer.Is(slice));
    }

    [Fact]
    public void Is_SctFdgCodeWithoutText_IsGlucose()
    {
        DicomDataset slice = SyntheticPet.Slice();
        var code = new DicomDataset();
        code.SetString(DicomTag.CodeValue, DicomVR.SH, "35321007");
        code.SetString(DicomTag.CodingSchemeDesignator, DicomVR.SH, "SCT");
        SyntheticPet.Item(slice).AddOrUpdate(new DicomSequence(DicomTag.RadiopharmaceuticalCodeSequence, [code]));

        Assert.True(GlucoseTracer.Is(slice));
    }

    [Fact]
    public void Is_NoRadiopharmaceuticalInformation_IsNotGlucose()
    {
        DicomDataset slice = SyntheticPet.Slice();
        slice.Remove(DicomTag.RadiopharmaceuticalInformationSequence);

        Assert.False(GlucoseTracer.Is(slice));
    }
}
