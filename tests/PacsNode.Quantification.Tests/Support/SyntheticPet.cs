using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;

namespace PacsNode.Quantification.Tests.Support;

/// <summary>
/// Hand-made PET headers for the calculator's rules: 70 kg, 1.75 m, male, 370 MBq F-18 (6586.2 s) injected
/// 2025-01-01 10:00:00, series and acquisition 11:00:00, BQML, START, slope 1. Tests change what they exercise.
/// </summary>
internal static class SyntheticPet
{
    public static DicomDataset Slice(int index = 0)
    {
        var slice = new DicomDataset();
        slice.SetString(DicomTag.SOPInstanceUID, DicomVR.UI, $"2.25.{1000 + index}");
        slice.SetString(DicomTag.SeriesDate, DicomVR.DA, "20250101");
        slice.SetString(DicomTag.SeriesTime, DicomVR.TM, "110000");
        slice.SetString(DicomTag.AcquisitionDate, DicomVR.DA, "20250101");
        slice.SetString(DicomTag.AcquisitionTime, DicomVR.TM, "110000");
        slice.SetString(DicomTag.PatientSex, DicomVR.CS, "M");
        slice.SetString(DicomTag.PatientSize, DicomVR.DS, "1.75");
        slice.SetString(DicomTag.PatientWeight, DicomVR.DS, "70");
        slice.SetString(DicomTag.CorrectedImage, DicomVR.CS, "ATTN\\DECY");
        slice.SetString(DicomTag.Units, DicomVR.CS, "BQML");
        slice.SetString(DicomTag.DecayCorrection, DicomVR.CS, "START");
        slice.SetString(DicomTag.RescaleSlope, DicomVR.DS, "1");
        slice.SetString(DicomTag.RescaleIntercept, DicomVR.DS, "0");
        var item = new DicomDataset();
        item.SetString(DicomTag.RadionuclideTotalDose, DicomVR.DS, "370000000");
        item.SetString(DicomTag.RadionuclideHalfLife, DicomVR.DS, "6586.2");
        item.SetString(DicomTag.RadiopharmaceuticalStartDateTime, DicomVR.DT, "20250101100000");
        var code = new DicomDataset();
        code.SetString(DicomTag.CodeValue, DicomVR.SH, "77004003");
        code.SetString(DicomTag.CodingSchemeDesignator, DicomVR.SH, "SCT");
        code.SetString(DicomTag.CodeMeaning, DicomVR.LO, "^18^Fluorine");
        item.AddOrUpdate(new DicomSequence(DicomTag.RadionuclideCodeSequence, [code]));
        slice.AddOrUpdate(new DicomSequence(DicomTag.RadiopharmaceuticalInformationSequence, [item]));
        return slice;
    }

    public static DicomDataset Item(DicomDataset slice) =>
        slice.GetSequence(DicomTag.RadiopharmaceuticalInformationSequence)!.Items[0];

    /// <summary>An 89Zr header: 37 MBq, 282276 s, injection time 10:00 only, imaged four days later.</summary>
    public static DicomDataset Zirconium()
    {
        DicomDataset slice = Slice();
        slice.SetString(DicomTag.SeriesDate, DicomVR.DA, "20250105");
        slice.SetString(DicomTag.AcquisitionDate, DicomVR.DA, "20250105");
        DicomDataset item = Item(slice);
        item.SetString(DicomTag.RadionuclideTotalDose, DicomVR.DS, "37000000");
        item.SetString(DicomTag.RadionuclideHalfLife, DicomVR.DS, "282276");
        item.Remove(DicomTag.RadiopharmaceuticalStartDateTime);
        item.SetString(DicomTag.RadiopharmaceuticalStartTime, DicomVR.TM, "100000");
        DicomDataset code = item.GetSequence(DicomTag.RadionuclideCodeSequence)!.Items[0];
        code.SetString(DicomTag.CodeValue, DicomVR.SH, "63360001");
        code.SetString(DicomTag.CodeMeaning, DicomVR.LO, "^89^Zirconium");
        return slice;
    }

    /// <summary>70 kg / (370 MBq decayed over <paramref name="seconds"/> of F-18).</summary>
    public static double FactorAfter(double seconds) => 70_000 / (370e6 * Math.Pow(2, -seconds / 6586.2));
}
