using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO;

namespace PacsNode.Storage.Tests;

/// <summary>Small hand-built instances for store and query tests.</summary>
internal static class TestInstances
{
    public static DicomDataset Dataset(
        string studyUid, string seriesUid, string sopUid, string patientId = "P1", string patientName = "Doe^John")
    {
        var dataset = new DicomDataset();
        dataset.SetString(DicomTag.SOPClassUID, DicomVR.UI, DicomUid.PositronEmissionTomographyImageStorage);
        dataset.SetString(DicomTag.SOPInstanceUID, DicomVR.UI, sopUid);
        dataset.SetString(DicomTag.PatientID, DicomVR.LO, patientId);
        dataset.SetString(DicomTag.PatientName, DicomVR.PN, patientName);
        dataset.SetString(DicomTag.StudyInstanceUID, DicomVR.UI, studyUid);
        dataset.SetString(DicomTag.SeriesInstanceUID, DicomVR.UI, seriesUid);
        dataset.SetString(DicomTag.Modality, DicomVR.CS, "PT");
        return dataset;
    }

    public static DicomFile File(DicomDataset dataset) =>
        new(new DicomDataset(), dataset, DicomTransferSyntax.ExplicitVRLittleEndian);

    public static DicomFile File(string studyUid, string seriesUid, string sopUid, string patientName = "Doe^John") =>
        File(Dataset(studyUid, seriesUid, sopUid, patientName: patientName));

    public static async Task<byte[]> EncodeAsync(DicomFile file, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream();
        await file.WriteAsync(stream, null, cancellationToken);
        return stream.ToArray();
    }
}
