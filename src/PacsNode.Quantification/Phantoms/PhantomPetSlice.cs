using System.Globalization;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;

namespace PacsNode.Quantification.Phantoms;

/// <summary>
/// One PET Image Storage slice as a scanner writes it: BQML, DecayCorrection START to the series time, the
/// radiopharmaceutical with its SNOMED/DCM codes, RadiopharmaceuticalStartDateTime and StartTime, per-bed acquisition
/// time, FrameReferenceTime, ActualFrameDuration and DecayFactor, and the slice's own RescaleSlope (intercept 0).
/// </summary>
internal static class PhantomPetSlice
{
    public static DicomDataset Build(
        PhantomSpec spec, PhantomUids uids, PhantomGrid grid, PhantomTiming timing, int k, ReadOnlySpan<short> stored, double slope)
    {
        DicomDataset d = PhantomDatasets.Common(
            spec, uids, grid, k, DicomUid.PositronEmissionTomographyImageStorage, "PT", uids.PetSeries, 2,
            spec.Tracer == PhantomTracer.Zr89 ? "PET 89Zr-trastuzumab phantom" : "PET FDG phantom");
        DateTime acquired = timing.AcquisitionTime(k);
        d.SetString(DicomTag.ImageType, DicomVR.CS, "ORIGINAL\\PRIMARY");
        d.SetString(DicomTag.SeriesDate, DicomVR.DA, PhantomDatasets.Date(spec.ScanStart));
        d.SetString(DicomTag.SeriesTime, DicomVR.TM, PhantomDatasets.Time(spec.ScanStart));
        d.SetString(DicomTag.AcquisitionDate, DicomVR.DA, PhantomDatasets.Date(acquired));
        d.SetString(DicomTag.AcquisitionTime, DicomVR.TM, PhantomDatasets.Time(acquired));
        d.SetString(DicomTag.Units, DicomVR.CS, "BQML");
        d.SetString(DicomTag.CountsSource, DicomVR.CS, "EMISSION");
        d.SetString(DicomTag.SeriesType, DicomVR.CS, "WHOLE BODY\\IMAGE");
        d.AddOrUpdate(PhantomDatasets.UnsignedShort(DicomTag.NumberOfSlices, grid.Slices));
        d.SetString(DicomTag.CorrectedImage, DicomVR.CS, "NORM\\DTIM\\ATTN\\SCAT\\DECY\\RAN");
        d.SetString(DicomTag.RandomsCorrectionMethod, DicomVR.CS, "DLYD");
        d.SetString(DicomTag.AttenuationCorrectionMethod, DicomVR.LO, "CT-based");
        d.SetString(DicomTag.ReconstructionMethod, DicomVR.LO, "SYNTHETIC");
        d.SetString(DicomTag.DecayCorrection, DicomVR.CS, "START");
        d.SetString(DicomTag.CollimatorType, DicomVR.CS, "NONE");
        d.AddOrUpdate(new DicomSequence(DicomTag.RadiopharmaceuticalInformationSequence, [Radiopharmaceutical(spec)]));
        d.AddOrUpdate(new DicomSequence(DicomTag.PatientOrientationCodeSequence, []));
        d.AddOrUpdate(new DicomSequence(DicomTag.PatientGantryRelationshipCodeSequence, []));
        d.SetString(DicomTag.RescaleIntercept, DicomVR.DS, "0");
        d.SetString(DicomTag.RescaleSlope, DicomVR.DS, DecimalString.Format(slope));
        d.SetString(DicomTag.FrameReferenceTime, DicomVR.DS, DecimalString.Format(Math.Round(timing.FrameReferenceMilliseconds(k), 3)));
        d.AddOrUpdate(PhantomDatasets.UnsignedShort(DicomTag.ImageIndex, grid.Slices - k));
        d.SetString(DicomTag.ActualFrameDuration, DicomVR.IS, ((long)Math.Round(spec.BedDurationSeconds * 1000)).ToString(CultureInfo.InvariantCulture));
        d.SetString(DicomTag.DecayFactor, DicomVR.DS, DecimalString.Format(Math.Round(timing.DecayFactor(k), 8)));
        d.AddOrUpdate(PhantomDatasets.Pixels(stored));
        return d;
    }

    private static DicomDataset Radiopharmaceutical(PhantomSpec spec)
    {
        bool zr = spec.Tracer == PhantomTracer.Zr89;
        var item = new DicomDataset();
        item.SetString(DicomTag.Radiopharmaceutical, DicomVR.LO, zr ? "89Zr-trastuzumab" : "Fluorodeoxyglucose");
        item.SetString(DicomTag.RadiopharmaceuticalStartTime, DicomVR.TM, PhantomDatasets.Time(spec.InjectionTime));
        item.SetString(DicomTag.RadiopharmaceuticalStartDateTime, DicomVR.DT, PhantomDatasets.DateTimeValue(spec.InjectionTime));
        item.SetString(DicomTag.RadionuclideTotalDose, DicomVR.DS, DecimalString.Format(spec.InjectedDoseBq));
        item.SetString(DicomTag.RadionuclideHalfLife, DicomVR.DS, DecimalString.Format(spec.HalfLifeSeconds));
        item.SetString(DicomTag.RadionuclidePositronFraction, DicomVR.DS, zr ? "0.227" : "0.9673");
        item.AddOrUpdate(new DicomSequence(DicomTag.RadionuclideCodeSequence, [zr
            ? PhantomDatasets.Code("63360001", "SCT", "^89^Zirconium")
            : PhantomDatasets.Code("77004003", "SCT", "^18^Fluorine")]));
        item.AddOrUpdate(new DicomSequence(DicomTag.RadiopharmaceuticalCodeSequence, [zr
            ? PhantomDatasets.Code("126512", "DCM", "Trastuzumab ^89^Zr")
            : PhantomDatasets.Code("35321007", "SCT", "Fluorodeoxyglucose F^18^")]));
        return item;
    }
}
