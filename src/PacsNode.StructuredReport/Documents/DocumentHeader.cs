using PacsNode.Dicom.Data;
using PacsNode.Dicom.Data.Text;
using PacsNode.Dicom.Dictionary;
using PacsNode.StructuredReport.Content;

namespace PacsNode.StructuredReport.Documents;

/// <summary>
/// The modules every derived object shares: SOP Common, Patient, General Study, the series attributes, and General /
/// Enhanced General Equipment (PS3.3 C.7.1.1, C.7.2.1, C.7.5.1, C.7.5.2, C.12.1).
/// </summary>
internal static class DocumentHeader
{
    /// <summary>
    /// A new top-level dataset with the Specific Character Set set first, so every text is encoded with it: the
    /// source PET's when it can encode every text of the object, else UTF-8 (ISO_IR 192), so that nothing the caller
    /// wrote (a note with "≥", a name the source's repertoire lacks) is lost to replacement characters.
    /// </summary>
    public static DicomDataset Create(ReportSubject subject, IEnumerable<string> texts)
    {
        var dataset = new DicomDataset();
        string? chosen = subject.SpecificCharacterSet;
        DicomCharacterSet charset = string.IsNullOrEmpty(chosen)
            ? DicomCharacterSet.Default
            : DicomCharacterSet.FromSpecificCharacterSetLenient(chosen.Split('\\'));
        if (!texts.Append(subject.PatientName).Append(subject.ReferringPhysicianName).All(t => charset.CanEncode(t, DicomVR.UT)))
        {
            chosen = "ISO_IR 192";
        }

        if (!string.IsNullOrEmpty(chosen))
        {
            dataset.SetString(DicomTag.SpecificCharacterSet, DicomVR.CS, chosen);
        }

        return dataset;
    }

    public static void WriteSopCommon(DicomDataset dataset, string sopClassUid, DocumentIdentity document, DateTimeOffset created)
    {
        dataset.SetString(DicomTag.SOPClassUID, DicomVR.UI, sopClassUid);
        dataset.SetString(DicomTag.SOPInstanceUID, DicomVR.UI, document.SopInstanceUid);
        (string date, string time) = Elements.DateAndTime(created.DateTime);
        dataset.SetString(DicomTag.InstanceCreationDate, DicomVR.DA, date);
        dataset.SetString(DicomTag.InstanceCreationTime, DicomVR.TM, time);
        dataset.SetString(DicomTag.TimezoneOffsetFromUTC, DicomVR.SH, Elements.OffsetText(created.Offset));
    }

    public static void WritePatientAndStudy(DicomDataset dataset, ReportSubject subject)
    {
        dataset.SetString(DicomTag.PatientName, DicomVR.PN, subject.PatientName);
        dataset.SetString(DicomTag.PatientID, DicomVR.LO, subject.PatientId);
        dataset.SetString(DicomTag.PatientBirthDate, DicomVR.DA, subject.PatientBirthDate);
        dataset.SetString(DicomTag.PatientSex, DicomVR.CS, subject.PatientSex);
        dataset.SetString(DicomTag.StudyInstanceUID, DicomVR.UI, subject.StudyInstanceUid);
        dataset.SetString(DicomTag.StudyDate, DicomVR.DA, subject.StudyDate);
        dataset.SetString(DicomTag.StudyTime, DicomVR.TM, subject.StudyTime);
        dataset.SetString(DicomTag.ReferringPhysicianName, DicomVR.PN, subject.ReferringPhysicianName);
        dataset.SetString(DicomTag.StudyID, DicomVR.SH, subject.StudyId);
        dataset.SetString(DicomTag.AccessionNumber, DicomVR.SH, subject.AccessionNumber);
    }

    public static void WriteSeries(DicomDataset dataset, string modality, DocumentIdentity document, DateTimeOffset created)
    {
        dataset.SetString(DicomTag.Modality, DicomVR.CS, modality);
        dataset.SetString(DicomTag.SeriesInstanceUID, DicomVR.UI, document.SeriesInstanceUid);
        Elements.Integer(dataset, DicomTag.SeriesNumber, document.SeriesNumber);
        Elements.Integer(dataset, DicomTag.InstanceNumber, document.InstanceNumber);
        (string date, string time) = Elements.DateAndTime(created.DateTime);
        dataset.SetString(DicomTag.SeriesDate, DicomVR.DA, date);
        dataset.SetString(DicomTag.SeriesTime, DicomVR.TM, time);
        dataset.SetString(DicomTag.ContentDate, DicomVR.DA, date);
        dataset.SetString(DicomTag.ContentTime, DicomVR.TM, time);
        if (document.SeriesDescription.Length > 0)
        {
            dataset.SetString(DicomTag.SeriesDescription, DicomVR.LO, document.SeriesDescription);
        }
    }

    /// <summary>General Equipment, with the attributes Enhanced General Equipment makes Type 1.</summary>
    public static void WriteEquipment(DicomDataset dataset, ReportDevice device)
    {
        dataset.SetString(DicomTag.Manufacturer, DicomVR.LO, device.Manufacturer);
        dataset.SetString(DicomTag.ManufacturerModelName, DicomVR.LO, device.ManufacturerModelName);
        dataset.SetString(DicomTag.DeviceSerialNumber, DicomVR.LO, device.DeviceSerialNumber);
        dataset.SetString(DicomTag.SoftwareVersions, DicomVR.LO, device.SoftwareVersions);
        if (device.InstitutionName is not null)
        {
            dataset.SetString(DicomTag.InstitutionName, DicomVR.LO, device.InstitutionName);
        }
    }

    /// <summary>Hierarchical SOP Instance Reference Macro items (PS3.3 C.17.2.1), grouped by study and series in order of first use.</summary>
    public static IReadOnlyList<DicomDataset> Hierarchical(IEnumerable<SopReference> references, DicomDataset parent)
    {
        var studies = new List<DicomDataset>();
        foreach (IGrouping<string, SopReference> study in references.Distinct().GroupBy(r => r.StudyInstanceUid, StringComparer.Ordinal))
        {
            DicomDataset studyItem = Elements.Item(parent);
            studyItem.SetString(DicomTag.StudyInstanceUID, DicomVR.UI, study.Key);
            var seriesItems = new List<DicomDataset>();
            foreach (IGrouping<string, SopReference> series in study.GroupBy(r => r.SeriesInstanceUid, StringComparer.Ordinal))
            {
                DicomDataset seriesItem = Elements.Item(studyItem);
                seriesItem.SetString(DicomTag.SeriesInstanceUID, DicomVR.UI, series.Key);
                var sops = new List<DicomDataset>();
                foreach (SopReference sop in series)
                {
                    DicomDataset sopItem = Elements.Item(seriesItem);
                    sopItem.SetString(DicomTag.ReferencedSOPClassUID, DicomVR.UI, sop.SopClassUid);
                    sopItem.SetString(DicomTag.ReferencedSOPInstanceUID, DicomVR.UI, sop.SopInstanceUid);
                    sops.Add(sopItem);
                }

                Elements.Sequence(seriesItem, DicomTag.ReferencedSOPSequence, sops);
                seriesItems.Add(seriesItem);
            }

            Elements.Sequence(studyItem, DicomTag.ReferencedSeriesSequence, seriesItems);
            studies.Add(studyItem);
        }

        return studies;
    }

    /// <summary>Reads Hierarchical SOP Instance Reference Macro items back into flat references.</summary>
    public static IReadOnlyList<SopReference> ReadHierarchical(DicomSequence? sequence)
    {
        var result = new List<SopReference>();
        foreach (DicomDataset study in sequence?.Items ?? [])
        {
            string studyUid = study.GetString(DicomTag.StudyInstanceUID) ?? string.Empty;
            foreach (DicomDataset series in study.GetSequence(DicomTag.ReferencedSeriesSequence)?.Items ?? [])
            {
                string seriesUid = series.GetString(DicomTag.SeriesInstanceUID) ?? string.Empty;
                foreach (DicomDataset sop in series.GetSequence(DicomTag.ReferencedSOPSequence)?.Items ?? [])
                {
                    result.Add(new SopReference(
                        studyUid, seriesUid, sop.GetString(DicomTag.ReferencedSOPClassUID) ?? string.Empty,
                        sop.GetString(DicomTag.ReferencedSOPInstanceUID) ?? string.Empty));
                }
            }
        }

        return result;
    }
}
