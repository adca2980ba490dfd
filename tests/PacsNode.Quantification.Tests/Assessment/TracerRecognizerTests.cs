using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Quantification.Assessment;
using Xunit;

namespace PacsNode.Quantification.Tests.Assessment;

public sealed class TracerRecognizerTests
{
    private static DicomDataset Code(string value, string scheme, string meaning)
    {
        var code = new DicomDataset();
        code.SetString(DicomTag.CodeValue, DicomVR.SH, value);
        code.SetString(DicomTag.CodingSchemeDesignator, DicomVR.SH, scheme);
        code.SetString(DicomTag.CodeMeaning, DicomVR.LO, meaning);
        return code;
    }

    private static DicomDataset Slice(string? text, DicomDataset? pharmaceutical, DicomDataset? nuclide, string? halfLife)
    {
        var item = new DicomDataset();
        if (text is not null)
        {
            item.SetString(DicomTag.Radiopharmaceutical, DicomVR.LO, text);
        }

        if (halfLife is not null)
        {
            item.SetString(DicomTag.RadionuclideHalfLife, DicomVR.DS, halfLife);
        }

        if (pharmaceutical is not null)
        {
            item.AddOrUpdate(new DicomSequence(DicomTag.RadiopharmaceuticalCodeSequence, [pharmaceutical]));
        }

        if (nuclide is not null)
        {
            item.AddOrUpdate(new DicomSequence(DicomTag.RadionuclideCodeSequence, [nuclide]));
        }

        var slice = new DicomDataset();
        slice.AddOrUpdate(new DicomSequence(DicomTag.RadiopharmaceuticalInformationSequence, [item]));
        return slice;
    }

    private static readonly DicomDataset Fluorine = Code("77004003", "SCT", "^18^Fluorine");
    private static readonly DicomDataset Zirconium = Code("63360001", "SCT", "^89^Zirconium");

    [Fact]
    public void Recognize_FdgCode_FdgWithHeaderHalfLife()
    {
        TracerInfo t = TracerRecognizer.Recognize(Slice(null, Code("35321007", "SCT", "Fluorodeoxyglucose F^18^"), Fluorine, "6588"));

        Assert.Equal(PetTracer.Fdg, t.Tracer);
        Assert.Equal("F-18", t.Nuclide);
        Assert.Equal(6588, t.HalfLifeSeconds);
        Assert.Equal("header", t.HalfLifeSource);
        Assert.Contains("35321007", t.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Recognize_LegacyFdgCodeWithoutNuclide_Fdg() =>
        Assert.Equal(PetTracer.Fdg, TracerRecognizer.Recognize(Slice(null, Code("C-B1031", "SRT", "Fluorodeoxyglucose F^18^"), null, null)).Tracer);

    [Fact]
    public void Recognize_TextOnly18FFdg_FdgWithTableHalfLife()
    {
        TracerInfo t = TracerRecognizer.Recognize(Slice("18F-FDG", null, null, null));

        Assert.Equal(PetTracer.Fdg, t.Tracer);
        Assert.Equal(6586.2, t.HalfLifeSeconds);
        Assert.Equal("table", t.HalfLifeSource);
    }

    [Fact]
    public void Recognize_TrastuzumabZrCode_Zr89Trastuzumab()
    {
        TracerInfo t = TracerRecognizer.Recognize(Slice("89Zr-trastuzumab", Code("126512", "DCM", "Trastuzumab ^89^Zr"), Zirconium, "282276"));

        Assert.Equal(PetTracer.Zr89Trastuzumab, t.Tracer);
        Assert.Equal("Zr-89", t.Nuclide);
        Assert.Equal(282276, t.HalfLifeSeconds);
    }

    [Fact]
    public void Recognize_ZirconiumNuclideAndTrastuzumabText_Zr89TrastuzumabWithTableHalfLife()
    {
        TracerInfo t = TracerRecognizer.Recognize(Slice("Zr-89 Trastuzumab", null, Zirconium, null));

        Assert.Equal(PetTracer.Zr89Trastuzumab, t.Tracer);
        Assert.Equal(282276, t.HalfLifeSeconds);
        Assert.Equal("table", t.HalfLifeSource);
    }

    [Fact]
    public void Recognize_TextOnly89ZrTrastuzumab_Zr89Trastuzumab() =>
        Assert.Equal(PetTracer.Zr89Trastuzumab, TracerRecognizer.Recognize(Slice("[89Zr]Zr-DFO-trastuzumab", null, null, null)).Tracer);

    [Fact]
    public void Recognize_OtherZirconiumAntibody_Other()
    {
        TracerInfo t = TracerRecognizer.Recognize(Slice("89Zr-girentuximab", null, Zirconium, null));

        Assert.Equal(PetTracer.Other, t.Tracer);
        Assert.Equal("Zr-89", t.Nuclide);
    }

    [Fact]
    public void Recognize_GalliumPsma_OtherWithGalliumHalfLife()
    {
        TracerInfo t = TracerRecognizer.Recognize(Slice("68Ga-PSMA-11", null, Code("35337001", "SCT", "^68^Gallium"), null));

        Assert.Equal(PetTracer.Other, t.Tracer);
        Assert.Equal("Ga-68", t.Nuclide);
        Assert.Equal(4057.7, t.HalfLifeSeconds);
    }

    [Fact]
    public void Recognize_FdgCodeButGalliumNuclide_OtherContradiction()
    {
        TracerInfo t = TracerRecognizer.Recognize(Slice(null, Code("35321007", "SCT", "Fluorodeoxyglucose F^18^"), Code("35337001", "SCT", "^68^Gallium"), null));

        Assert.Equal(PetTracer.Other, t.Tracer);
        Assert.Contains("Ga-68", t.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Recognize_NoRadiopharmaceuticalSequence_Other()
    {
        TracerInfo t = TracerRecognizer.Recognize(new DicomDataset());

        Assert.Equal(PetTracer.Other, t.Tracer);
        Assert.Null(t.HalfLifeSeconds);
    }
}
