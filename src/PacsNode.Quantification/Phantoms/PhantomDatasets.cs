using System.Buffers.Binary;
using System.Globalization;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO.Buffers;

namespace PacsNode.Quantification.Phantoms;

/// <summary>The modules every phantom slice shares: patient, study, series, frame of reference, equipment, plane, pixel.</summary>
internal static class PhantomDatasets
{
    public static DicomDataset Common(
        PhantomSpec spec, PhantomUids uids, PhantomGrid grid, int k, string sopClass, string modality, string seriesUid,
        int seriesNumber, string description)
    {
        var d = new DicomDataset();
        d.SetString(DicomTag.SpecificCharacterSet, DicomVR.CS, "ISO_IR 100");
        d.SetString(DicomTag.SOPClassUID, DicomVR.UI, sopClass);
        d.SetString(DicomTag.SOPInstanceUID, DicomVR.UI, PhantomUids.New());
        d.SetString(DicomTag.StudyDate, DicomVR.DA, Date(spec.ScanStart));
        d.SetString(DicomTag.StudyTime, DicomVR.TM, Time(spec.ScanStart));
        d.SetString(DicomTag.ContentDate, DicomVR.DA, Date(spec.ScanStart));
        d.SetString(DicomTag.ContentTime, DicomVR.TM, Time(spec.ScanStart));
        d.SetString(DicomTag.AccessionNumber, DicomVR.SH, string.Empty);
        d.SetString(DicomTag.Modality, DicomVR.CS, modality);
        d.SetString(DicomTag.Manufacturer, DicomVR.LO, "PacsNode");
        d.SetString(DicomTag.ReferringPhysicianName, DicomVR.PN, string.Empty);
        d.SetString(DicomTag.StudyDescription, DicomVR.LO, "Synthetic PET/CT phantom");
        d.SetString(DicomTag.SeriesDescription, DicomVR.LO, description);
        d.SetString(DicomTag.ManufacturerModelName, DicomVR.LO, "Synthetic phantom");
        d.SetString(DicomTag.PatientName, DicomVR.PN, spec.PatientName);
        d.SetString(DicomTag.PatientID, DicomVR.LO, spec.PatientId);
        d.SetString(DicomTag.PatientBirthDate, DicomVR.DA, string.Empty);
        d.SetString(DicomTag.PatientSex, DicomVR.CS, spec.PatientSex);
        d.SetString(DicomTag.PatientSize, DicomVR.DS, DecimalString.Format(spec.PatientHeightM));
        d.SetString(DicomTag.PatientWeight, DicomVR.DS, DecimalString.Format(spec.PatientWeightKg));
        d.SetString(DicomTag.SliceThickness, DicomVR.DS, DecimalString.Format(grid.SliceSpacing));
        d.SetString(DicomTag.SoftwareVersions, DicomVR.LO, "PacsNode phantom 1");
        d.SetString(DicomTag.BodyPartExamined, DicomVR.CS, "WHOLEBODY");
        d.SetString(DicomTag.StudyInstanceUID, DicomVR.UI, uids.Study);
        d.SetString(DicomTag.SeriesInstanceUID, DicomVR.UI, seriesUid);
        d.SetString(DicomTag.StudyID, DicomVR.SH, "1");
        d.SetString(DicomTag.SeriesNumber, DicomVR.IS, seriesNumber.ToString(CultureInfo.InvariantCulture));
        d.SetString(DicomTag.InstanceNumber, DicomVR.IS, (grid.Slices - k).ToString(CultureInfo.InvariantCulture));
        d.SetString(DicomTag.ImagePositionPatient, DicomVR.DS, DecimalString.Join(grid.OriginX, grid.OriginY, grid.Z(k)));
        d.SetString(DicomTag.ImageOrientationPatient, DicomVR.DS, "1\\0\\0\\0\\1\\0");
        d.SetString(DicomTag.FrameOfReferenceUID, DicomVR.UI, uids.FrameOfReference);
        d.SetString(DicomTag.PositionReferenceIndicator, DicomVR.LO, string.Empty);
        d.SetString(DicomTag.SliceLocation, DicomVR.DS, DecimalString.Format(grid.Z(k)));
        d.AddOrUpdate(UnsignedShort(DicomTag.SamplesPerPixel, 1));
        d.SetString(DicomTag.PhotometricInterpretation, DicomVR.CS, "MONOCHROME2");
        d.AddOrUpdate(UnsignedShort(DicomTag.Rows, grid.Rows));
        d.AddOrUpdate(UnsignedShort(DicomTag.Columns, grid.Columns));
        d.SetString(DicomTag.PixelSpacing, DicomVR.DS, DecimalString.Join(grid.PixelSpacing, grid.PixelSpacing));
        d.AddOrUpdate(UnsignedShort(DicomTag.BitsAllocated, 16));
        d.AddOrUpdate(UnsignedShort(DicomTag.BitsStored, 16));
        d.AddOrUpdate(UnsignedShort(DicomTag.HighBit, 15));
        d.AddOrUpdate(UnsignedShort(DicomTag.PixelRepresentation, 1));
        return d;
    }

    /// <summary>Signed 16-bit pixels, little endian, as OW.</summary>
    public static DicomElement Pixels(ReadOnlySpan<short> values)
    {
        byte[] bytes = new byte[values.Length * 2];
        for (int n = 0; n < values.Length; n++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(n * 2), values[n]);
        }

        return new DicomElement(DicomTag.PixelData, DicomVR.OW, DicomBuffer.FromBytes(bytes));
    }

    public static DicomElement UnsignedShort(DicomTag tag, int value)
    {
        byte[] bytes = new byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, checked((ushort)value));
        return new DicomElement(tag, DicomVR.US, DicomBuffer.FromBytes(bytes));
    }

    public static DicomDataset Code(string value, string scheme, string meaning)
    {
        var code = new DicomDataset();
        code.SetString(DicomTag.CodeValue, DicomVR.SH, value);
        code.SetString(DicomTag.CodingSchemeDesignator, DicomVR.SH, scheme);
        code.SetString(DicomTag.CodeMeaning, DicomVR.LO, meaning);
        return code;
    }

    public static string Date(DateTime t) => t.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    public static string Time(DateTime t) => t.ToString("HHmmss.ffffff", CultureInfo.InvariantCulture);

    public static string DateTimeValue(DateTime t) => t.ToString("yyyyMMddHHmmss.ffffff", CultureInfo.InvariantCulture);
}
