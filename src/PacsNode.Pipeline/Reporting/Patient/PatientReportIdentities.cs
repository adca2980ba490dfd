using PacsNode.StructuredReport.Documents;

namespace PacsNode.Pipeline.Reporting.Patient;

/// <summary>
/// The UIDs of the patient-level report. Its series lives in the study it is stored in (the patient's most recent),
/// so the series UID derives from the patient and that study; the instance UID from the patient and the report's
/// content key, so that composing the same assessment again gives the same instance and the store sees a duplicate.
/// </summary>
public static class PatientReportIdentities
{
    public static string SeriesUid(string patientId, string studyInstanceUid) =>
        DerivedUid.Create("pacsnode-patient-sr-series", patientId, studyInstanceUid);

    public static string InstanceUid(string patientId, string contentKey) =>
        DerivedUid.Create("pacsnode-patient-sr", patientId, contentKey);
}
