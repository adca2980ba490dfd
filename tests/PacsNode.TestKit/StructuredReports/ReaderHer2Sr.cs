using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO;
using PacsNode.StructuredReport.Content;
using PacsNode.StructuredReport.Documents;
using PacsNode.StructuredReport.Tid1500;

namespace PacsNode.TestKit.StructuredReports;

/// <summary>
/// A reader's HER2-PET SR as a reading station would send it, written with the node's own TID 1500 writer: one
/// Measurement Group per lesion with its tracking identifier, UID and (HER2CLASS, 99PACSNODE) value, another
/// manufacturer, and optionally a Person Observer Name (121008, DCM) first at document level. The codes are DOMAIN.md's
/// as written there, not the node's constants, so a renamed constant fails the tests.
/// </summary>
public static class ReaderHer2Sr
{
    private const string Scheme = "99PACSNODE";

    public static readonly DateTimeOffset ContentDateTime = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    public static DicomFile Write(
        DicomDataset petHeader, IReadOnlyList<(string TrackingIdentifier, string TrackingUid, Code Value)> lesions, string? personObserver,
        string manufacturer = "Example Reading Station")
    {
        string key = string.Join('|', lesions.Select(l => l.TrackingUid + "=" + l.Value.Value));
        var report = new MeasurementReport
        {
            Subject = ReportSubject.FromDataset(petHeader),
            Document = new DocumentIdentity
            {
                SeriesInstanceUid = DerivedUid.Create("test-reader-sr-series", key),
                SopInstanceUid = DerivedUid.Create("test-reader-sr", key),
                SeriesNumber = 700,
                SeriesDescription = "HER2-PET read",
            },
            ContentDateTime = ContentDateTime,
            Device = new ReportDevice
            {
                Manufacturer = manufacturer,
                ManufacturerModelName = "Reader 3",
                SoftwareVersions = "3.1",
                DeviceSerialNumber = "RS-1",
                ObserverUid = DerivedUid.Create("test-reading-station", "RS-1"),
                ObserverName = "RS-1",
            },
            Algorithm = new AlgorithmIdentification("visual read", "1", []),
            ProcedureReported = Concepts.PetWholeBody,
            Groups =
            [
                .. lesions.Select(l => new MeasurementGroup
                {
                    TrackingIdentifier = l.TrackingIdentifier,
                    TrackingUid = l.TrackingUid,
                    Finding = Concepts.Lesion,
                    SourceSeriesInstanceUid = petHeader.GetString(DicomTag.SeriesInstanceUID)!,
                    Measurements = [],
                    Evaluations = [new QualitativeEvaluation(new Code("HER2CLASS", Scheme, "HER2-PET lesion class"), l.Value)],
                }),
            ],
        };
        DicomFile file = Tid1500Writer.Write(report);
        if (personObserver is null)
        {
            return file;
        }

        var name = new DicomDataset();
        name.SetString(DicomTag.CodeValue, DicomVR.SH, "121008");
        name.SetString(DicomTag.CodingSchemeDesignator, DicomVR.SH, "DCM");
        name.SetString(DicomTag.CodeMeaning, DicomVR.LO, "Person Observer Name");
        var person = new DicomDataset();
        person.SetString(DicomTag.RelationshipType, DicomVR.CS, "HAS OBS CONTEXT");
        person.SetString(DicomTag.ValueType, DicomVR.CS, "PNAME");
        person.AddOrUpdate(new DicomSequence(DicomTag.ConceptNameCodeSequence, [name]));
        person.SetString(DicomTag.PersonName, DicomVR.PN, personObserver);
        file.Dataset.AddOrUpdate(new DicomSequence(DicomTag.ContentSequence, [person, .. file.Dataset.GetSequence(DicomTag.ContentSequence)!.Items]));
        return file;
    }

    /// <summary>A 99PACSNODE HER2-PET class value, e.g. "HER2-4".</summary>
    public static Code Class(string value) => new(value, Scheme, value);
}
