using PacsNode.Dicom.Dictionary;

namespace PacsNode.Storage.Queries;

/// <summary>The keys of the Patient Root and Study Root models the index holds (PS3.4 C.6.1.1 and C.6.2.1).</summary>
internal static class QueryAttributes
{
    private static readonly QueryAttribute[] All =
    [
        Plain(DicomTag.PatientID, DicomVR.LO, QueryLevel.Patient, MatchKind.Text, "p.patient_id"),
        new(DicomTag.PatientName, DicomVR.PN, QueryLevel.Patient, MatchKind.PersonName, "p.patient_name", "p.patient_name_key"),
        new(DicomTag.PatientBirthDate, DicomVR.DA, QueryLevel.Patient, MatchKind.Date, "p.birth_date", "p.birth_date_key"),
        Plain(DicomTag.PatientSex, DicomVR.CS, QueryLevel.Patient, MatchKind.Text, "p.sex"),
        Count(DicomTag.NumberOfPatientRelatedStudies, QueryLevel.Patient, "(SELECT COUNT(*) FROM study x WHERE x.patient_pk = p.pk)"),
        Count(DicomTag.NumberOfPatientRelatedSeries, QueryLevel.Patient,
            "(SELECT COUNT(*) FROM series x JOIN study y ON y.pk = x.study_pk WHERE y.patient_pk = p.pk)"),
        Count(DicomTag.NumberOfPatientRelatedInstances, QueryLevel.Patient,
            "(SELECT COUNT(*) FROM instance x JOIN series y ON y.pk = x.series_pk JOIN study z ON z.pk = y.study_pk WHERE z.patient_pk = p.pk)"),

        Plain(DicomTag.StudyInstanceUID, DicomVR.UI, QueryLevel.Study, MatchKind.Uid, "st.study_uid"),
        new(DicomTag.StudyDate, DicomVR.DA, QueryLevel.Study, MatchKind.Date, "st.study_date", "st.study_date_key"),
        new(DicomTag.StudyTime, DicomVR.TM, QueryLevel.Study, MatchKind.Time, "st.study_time", "st.study_time_key"),
        Plain(DicomTag.AccessionNumber, DicomVR.SH, QueryLevel.Study, MatchKind.Text, "st.accession_number"),
        Plain(DicomTag.StudyID, DicomVR.SH, QueryLevel.Study, MatchKind.Text, "st.study_id"),
        Plain(DicomTag.StudyDescription, DicomVR.LO, QueryLevel.Study, MatchKind.Text, "st.study_description"),
        new(DicomTag.ReferringPhysicianName, DicomVR.PN, QueryLevel.Study, MatchKind.PersonName,
            "st.referring_physician", "st.referring_physician_key"),
        new(DicomTag.ModalitiesInStudy, DicomVR.CS, QueryLevel.Study, MatchKind.Modalities,
            "(SELECT group_concat(m, '\\') FROM (SELECT DISTINCT modality AS m FROM series x " +
            "WHERE x.study_pk = st.pk AND x.modality IS NOT NULL ORDER BY x.modality))",
            "modality"),
        new(DicomTag.SOPClassesInStudy, DicomVR.UI, QueryLevel.Study, MatchKind.ReturnOnly,
            "(SELECT group_concat(c, '\\') FROM (SELECT DISTINCT x.sop_class_uid AS c FROM instance x " +
            "JOIN series y ON y.pk = x.series_pk WHERE y.study_pk = st.pk ORDER BY x.sop_class_uid))",
            string.Empty),
        Count(DicomTag.NumberOfStudyRelatedSeries, QueryLevel.Study, "(SELECT COUNT(*) FROM series x WHERE x.study_pk = st.pk)"),
        Count(DicomTag.NumberOfStudyRelatedInstances, QueryLevel.Study,
            "(SELECT COUNT(*) FROM instance x JOIN series y ON y.pk = x.series_pk WHERE y.study_pk = st.pk)"),

        Plain(DicomTag.SeriesInstanceUID, DicomVR.UI, QueryLevel.Series, MatchKind.Uid, "se.series_uid"),
        Plain(DicomTag.Modality, DicomVR.CS, QueryLevel.Series, MatchKind.Text, "se.modality"),
        new(DicomTag.SeriesNumber, DicomVR.IS, QueryLevel.Series, MatchKind.Integer, "se.series_number_text", "se.series_number"),
        Plain(DicomTag.SeriesDescription, DicomVR.LO, QueryLevel.Series, MatchKind.Text, "se.series_description"),
        Count(DicomTag.NumberOfSeriesRelatedInstances, QueryLevel.Series, "(SELECT COUNT(*) FROM instance x WHERE x.series_pk = se.pk)"),

        Plain(DicomTag.SOPInstanceUID, DicomVR.UI, QueryLevel.Image, MatchKind.Uid, "i.sop_instance_uid"),
        Plain(DicomTag.SOPClassUID, DicomVR.UI, QueryLevel.Image, MatchKind.Uid, "i.sop_class_uid"),
        new(DicomTag.InstanceNumber, DicomVR.IS, QueryLevel.Image, MatchKind.Integer, "i.instance_number_text", "i.instance_number"),
        new(DicomTag.AcquisitionDateTime, DicomVR.DT, QueryLevel.Image, MatchKind.DateTime,
            "i.acquisition_datetime", "i.acquisition_datetime_key"),
    ];

    private static readonly Dictionary<DicomTag, QueryAttribute> ByTag = All.ToDictionary(a => a.Tag);

    public static bool TryGet(DicomTag tag, out QueryAttribute attribute) => ByTag.TryGetValue(tag, out attribute!);

    /// <summary>The FROM clause of a level: its table joined to every level above it.</summary>
    public static string From(QueryLevel level) => level switch
    {
        QueryLevel.Patient => "patient p",
        QueryLevel.Study => "study st JOIN patient p ON p.pk = st.patient_pk",
        QueryLevel.Series => "series se JOIN study st ON st.pk = se.study_pk JOIN patient p ON p.pk = st.patient_pk",
        _ => "instance i JOIN series se ON se.pk = i.series_pk JOIN study st ON st.pk = se.study_pk " +
            "JOIN patient p ON p.pk = st.patient_pk",
    };

    /// <summary>The primary key column of a level's row in the FROM clause (the owner of its kept sequences).</summary>
    public static string PrimaryKey(QueryLevel level) => level switch
    {
        QueryLevel.Patient => "p.pk",
        QueryLevel.Study => "st.pk",
        QueryLevel.Series => "se.pk",
        _ => "i.pk",
    };

    /// <summary>The row order of a level's results: hierarchy order, then arrival.</summary>
    public static string OrderBy(QueryLevel level) => level switch
    {
        QueryLevel.Patient => "p.pk",
        QueryLevel.Study => "p.pk, st.pk",
        QueryLevel.Series => "st.pk, se.series_number, se.pk",
        _ => "se.pk, i.instance_number, i.pk",
    };

    private static QueryAttribute Plain(DicomTag tag, DicomVR vr, QueryLevel level, MatchKind kind, string column) =>
        new(tag, vr, level, kind, column, column);

    private static QueryAttribute Count(DicomTag tag, QueryLevel level, string select) =>
        new(tag, DicomVR.IS, level, MatchKind.ReturnOnly, select, select);
}
