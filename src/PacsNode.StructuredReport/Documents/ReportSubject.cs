using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;

namespace PacsNode.StructuredReport.Documents;

/// <summary>
/// The Patient and General Study module attributes a derived object (SR, SEG) copies from its source PET, so that it
/// files into the same patient and study. Values are kept as their DICOM text; empty means present but empty.
/// </summary>
public sealed record ReportSubject
{
    public required string PatientName { get; init; }

    public required string PatientId { get; init; }

    public string PatientBirthDate { get; init; } = string.Empty;

    public string PatientSex { get; init; } = string.Empty;

    public required string StudyInstanceUid { get; init; }

    public string StudyDate { get; init; } = string.Empty;

    public string StudyTime { get; init; } = string.Empty;

    public string ReferringPhysicianName { get; init; } = string.Empty;

    public string StudyId { get; init; } = string.Empty;

    public string AccessionNumber { get; init; } = string.Empty;

    /// <summary>The source's Specific Character Set (0008,0005), backslash-joined; null when it has none (default repertoire).</summary>
    public string? SpecificCharacterSet { get; init; }

    /// <summary>Copies the subject from a PET header (any image of the series).</summary>
    public static ReportSubject FromDataset(DicomDataset petHeader)
    {
        ArgumentNullException.ThrowIfNull(petHeader);
        string? studyUid = petHeader.GetString(DicomTag.StudyInstanceUID);
        if (string.IsNullOrEmpty(studyUid))
        {
            throw new ArgumentException("The PET header has no StudyInstanceUID.", nameof(petHeader));
        }

        IReadOnlyList<string> charset = petHeader.GetStrings(DicomTag.SpecificCharacterSet);
        return new ReportSubject
        {
            PatientName = petHeader.GetString(DicomTag.PatientName) ?? string.Empty,
            PatientId = petHeader.GetString(DicomTag.PatientID) ?? string.Empty,
            PatientBirthDate = petHeader.GetString(DicomTag.PatientBirthDate) ?? string.Empty,
            PatientSex = petHeader.GetString(DicomTag.PatientSex) ?? string.Empty,
            StudyInstanceUid = studyUid,
            StudyDate = petHeader.GetString(DicomTag.StudyDate) ?? string.Empty,
            StudyTime = petHeader.GetString(DicomTag.StudyTime) ?? string.Empty,
            ReferringPhysicianName = petHeader.GetString(DicomTag.ReferringPhysicianName) ?? string.Empty,
            StudyId = petHeader.GetString(DicomTag.StudyID) ?? string.Empty,
            AccessionNumber = petHeader.GetString(DicomTag.AccessionNumber) ?? string.Empty,
            SpecificCharacterSet = charset.Count == 0 ? null : string.Join('\\', charset),
        };
    }
}
