using System.Buffers.Binary;
using System.Globalization;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO;
using PacsNode.Dicom.IO.Buffers;

namespace PacsNode.Quantification.Tests.Support;

/// <summary>
/// Builds one Enhanced PET dataset (PS3.3 A.56 / C.8.22) from classic single-frame PET slices, written here by hand
/// and independently of the node's reader: per-slice attributes go into per-frame functional groups (Plane Position,
/// Pixel Value Transformation, Frame Content with FrameAcquisitionDateTime and FrameAcquisitionDuration, PET Frame
/// Correction Factors with DecayFactor), shared ones into the shared groups (Plane Orientation, Pixel Measures), and
/// DecayCorrection START becomes DecayCorrected YES with DecayCorrectionDateTime = SeriesDate + SeriesTime. Frames
/// are written in the given order of the classic slices; PixelData is their concatenation.
/// </summary>
internal static class EnhancedPetConverter
{
    private static readonly DicomTag[] PerSlice =
    [
        DicomTag.SOPInstanceUID, DicomTag.ImagePositionPatient, DicomTag.ImageOrientationPatient, DicomTag.PixelSpacing,
        DicomTag.SliceThickness, DicomTag.RescaleSlope, DicomTag.RescaleIntercept, DicomTag.RescaleType, DicomTag.AcquisitionDate,
        DicomTag.AcquisitionTime, DicomTag.AcquisitionDateTime, DicomTag.FrameReferenceTime, DicomTag.ActualFrameDuration, DicomTag.DecayFactor,
        DicomTag.DecayCorrection, DicomTag.PixelData, DicomTag.InstanceNumber, DicomTag.SliceLocation, DicomTag.ImageIndex,
    ];

    public static DicomFile Convert(IReadOnlyList<DicomDataset> classic, IReadOnlyList<int> order)
    {
        DicomDataset first = classic[0];
        var enhanced = new DicomDataset(first.Where(i => !PerSlice.Contains(i.Tag)));
        enhanced.SetString(DicomTag.SOPClassUID, DicomVR.UI, DicomUid.EnhancedPETImageStorage);
        enhanced.SetString(DicomTag.SOPInstanceUID, DicomVR.UI, "2.25.31415926");
        enhanced.SetString(DicomTag.NumberOfFrames, DicomVR.IS, order.Count.ToString(CultureInfo.InvariantCulture));
        enhanced.SetString(DicomTag.DecayCorrected, DicomVR.CS, "YES");
        enhanced.SetString(DicomTag.DecayCorrectionDateTime, DicomVR.DT,
            first.GetString(DicomTag.SeriesDate)!.Trim() + first.GetString(DicomTag.SeriesTime)!.Trim());

        var shared = new DicomDataset();
        shared.AddOrUpdate(Macro(DicomTag.PlaneOrientationSequence, first, DicomTag.ImageOrientationPatient));
        shared.AddOrUpdate(Macro(DicomTag.PixelMeasuresSequence, first, DicomTag.PixelSpacing, DicomTag.SliceThickness));
        enhanced.AddOrUpdate(new DicomSequence(DicomTag.SharedFunctionalGroupsSequence, [shared]));

        var frames = new List<DicomDataset>();
        using var pixels = new MemoryStream();
        foreach (int index in order)
        {
            DicomDataset slice = classic[index];
            var frame = new DicomDataset();
            var content = new DicomDataset();
            content.SetString(DicomTag.FrameAcquisitionDateTime, DicomVR.DT,
                slice.GetString(DicomTag.AcquisitionDate)!.Trim() + slice.GetString(DicomTag.AcquisitionTime)!.Trim());
            byte[] duration = new byte[8];
            BinaryPrimitives.WriteDoubleLittleEndian(duration, double.Parse(slice.GetString(DicomTag.ActualFrameDuration)!, CultureInfo.InvariantCulture));
            content.AddOrUpdate(new DicomElement(DicomTag.FrameAcquisitionDuration, DicomVR.FD, DicomBuffer.FromBytes(duration)));
            frame.AddOrUpdate(new DicomSequence(DicomTag.FrameContentSequence, [content]));
            frame.AddOrUpdate(Macro(DicomTag.PlanePositionSequence, slice, DicomTag.ImagePositionPatient));
            frame.AddOrUpdate(Macro(DicomTag.PixelValueTransformationSequence, slice, DicomTag.RescaleSlope, DicomTag.RescaleIntercept, DicomTag.RescaleType));
            frame.AddOrUpdate(Macro(DicomTag.PETFrameCorrectionFactorsSequence, slice, DicomTag.DecayFactor));
            frames.Add(frame);
            pixels.Write(((DicomElement)slice.Get(DicomTag.PixelData)!).Buffer.Span);
        }

        enhanced.AddOrUpdate(new DicomSequence(DicomTag.PerFrameFunctionalGroupsSequence, frames));
        enhanced.AddOrUpdate(new DicomElement(DicomTag.PixelData, DicomVR.OW, DicomBuffer.FromBytes(pixels.ToArray())));
        return new DicomFile(new DicomDataset(), enhanced, DicomTransferSyntax.ExplicitVRLittleEndian);
    }

    private static DicomSequence Macro(DicomTag sequence, DicomDataset from, params DicomTag[] tags)
    {
        var item = new DicomDataset();
        foreach (DicomTag tag in tags)
        {
            if (from.Get(tag) is DicomElement element)
            {
                item.AddOrUpdate(new DicomElement(element.Tag, element.VR, element.Buffer));
            }
        }

        return new DicomSequence(sequence, [item]);
    }
}
