using System.Buffers.Binary;
using System.Globalization;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO;
using PacsNode.Dicom.IO.Buffers;
using PacsNode.Quantification.Volume;

namespace PacsNode.Quantification.Tests.Support;

/// <summary>
/// CT slices (signed 16 bits) whose HU at each voxel centre is <c>hu(position)</c>, stored as
/// round((HU − intercept) / slope) with a per-slice slope and intercept; returned in reverse order along the normal.
/// </summary>
internal static class SyntheticCt
{
    public const string FrameOfReference = "2.25.4242";

    public static List<DicomFile> Series(
        PatientVector rowDirection, PatientVector columnDirection, int columns, int rows, int slices,
        double rowSpacing, double columnSpacing, double sliceSpacing, PatientVector origin,
        Func<PatientVector, double> hu, Func<int, (double Slope, double Intercept)> rescale, string frameOfReference = FrameOfReference)
    {
        PatientVector normal = rowDirection.Cross(columnDirection);
        var files = new List<DicomFile>();
        for (int k = slices - 1; k >= 0; k--)
        {
            PatientVector position = origin + (normal * (k * sliceSpacing));
            (double slope, double intercept) = rescale(k);
            byte[] pixels = new byte[columns * rows * 2];
            for (int j = 0; j < rows; j++)
            {
                for (int i = 0; i < columns; i++)
                {
                    PatientVector centre = position + (rowDirection * (i * columnSpacing)) + (columnDirection * (j * rowSpacing));
                    double raw = Math.Round((hu(centre) - intercept) / slope);
                    BinaryPrimitives.WriteInt16LittleEndian(pixels.AsSpan(((j * columns) + i) * 2), checked((short)raw));
                }
            }

            var d = new DicomDataset();
            d.SetString(DicomTag.SOPInstanceUID, DicomVR.UI, Text($"2.25.77{k}"));
            d.SetString(DicomTag.FrameOfReferenceUID, DicomVR.UI, frameOfReference);
            d.SetString(DicomTag.ImageOrientationPatient, DicomVR.DS, Text(
                $"{rowDirection.X:R}\\{rowDirection.Y:R}\\{rowDirection.Z:R}\\{columnDirection.X:R}\\{columnDirection.Y:R}\\{columnDirection.Z:R}"));
            d.SetString(DicomTag.ImagePositionPatient, DicomVR.DS, Text($"{position.X:R}\\{position.Y:R}\\{position.Z:R}"));
            d.SetString(DicomTag.PixelSpacing, DicomVR.DS, Text($"{rowSpacing:R}\\{columnSpacing:R}"));
            d.SetString(DicomTag.Rows, DicomVR.IS, Text($"{rows}"));
            d.SetString(DicomTag.Columns, DicomVR.IS, Text($"{columns}"));
            d.SetString(DicomTag.SamplesPerPixel, DicomVR.IS, "1");
            d.SetString(DicomTag.BitsAllocated, DicomVR.IS, "16");
            d.SetString(DicomTag.BitsStored, DicomVR.IS, "16");
            d.SetString(DicomTag.PixelRepresentation, DicomVR.IS, "1");
            d.SetString(DicomTag.RescaleSlope, DicomVR.DS, Text($"{slope:R}"));
            d.SetString(DicomTag.RescaleIntercept, DicomVR.DS, Text($"{intercept:R}"));
            d.AddOrUpdate(new DicomElement(DicomTag.PixelData, DicomVR.OW, DicomBuffer.FromBytes(pixels)));
            files.Add(new DicomFile(new DicomDataset(), d, DicomTransferSyntax.ExplicitVRLittleEndian));
        }

        return files;
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
