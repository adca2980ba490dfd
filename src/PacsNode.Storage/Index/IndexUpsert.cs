using Microsoft.Data.Sqlite;

namespace PacsNode.Storage.Index;

/// <summary>
/// Inserts or updates the patient, study, series and instance rows of one record, parameterised only. Higher-level
/// attributes keep their stored value where the new instance lacks one (COALESCE); the instance row is replaced.
/// A patient, study or series row is only updated when a value would change (the WHERE of each upsert): an
/// unconditional update rewrote the row's page and the pages of every index on a SET column for each instance of a
/// series (about 15 of the ~19 pages each stored instance wrote to the WAL); when nothing changes, RETURNING yields
/// no row and the key is looked up.
/// When the record moves an instance (or series, or study) under another parent, the former parents left without
/// children are deleted in the same transaction, so the derived counts never see an empty series or study.
/// </summary>
internal static class IndexUpsert
{
    private const string PatientSql = """
        INSERT INTO patient (patient_id, patient_name, patient_name_key, patient_name_groups, birth_date, birth_date_key, sex)
        VALUES ($patient_id, $patient_name, $patient_name_key, COALESCE(instr($patient_name, '=') > 0, 0), $birth_date,
            $birth_date_key, $sex)
        ON CONFLICT (patient_id) DO UPDATE SET
            patient_name = COALESCE(excluded.patient_name, patient_name),
            patient_name_key = COALESCE(excluded.patient_name_key, patient_name_key),
            patient_name_groups = CASE WHEN excluded.patient_name IS NULL THEN patient_name_groups
                ELSE excluded.patient_name_groups END,
            birth_date = COALESCE(excluded.birth_date, birth_date),
            birth_date_key = COALESCE(excluded.birth_date_key, birth_date_key),
            sex = COALESCE(excluded.sex, sex)
        WHERE (excluded.patient_name IS NOT NULL AND excluded.patient_name IS NOT patient_name)
            OR (excluded.patient_name_key IS NOT NULL AND excluded.patient_name_key IS NOT patient_name_key)
            OR (excluded.birth_date IS NOT NULL AND excluded.birth_date IS NOT birth_date)
            OR (excluded.birth_date_key IS NOT NULL AND excluded.birth_date_key IS NOT birth_date_key)
            OR (excluded.sex IS NOT NULL AND excluded.sex IS NOT sex)
            OR (excluded.patient_name IS NOT NULL AND excluded.patient_name_groups IS NOT patient_name_groups)
        RETURNING pk;
        """;

    private const string StudySql = """
        INSERT INTO study (patient_pk, study_uid, study_date, study_date_key, study_time, study_time_key,
            accession_number, study_id, study_description, referring_physician, referring_physician_key, study_datetime_key)
        VALUES ($parent, $study_uid, $study_date, $study_date_key, $study_time, $study_time_key,
            $accession_number, $study_id, $study_description, $referring_physician, $referring_physician_key, $study_datetime_key)
        ON CONFLICT (study_uid) DO UPDATE SET
            patient_pk = excluded.patient_pk,
            study_date = COALESCE(excluded.study_date, study_date),
            study_date_key = COALESCE(excluded.study_date_key, study_date_key),
            study_time = COALESCE(excluded.study_time, study_time),
            study_time_key = COALESCE(excluded.study_time_key, study_time_key),
            study_datetime_key = COALESCE(excluded.study_datetime_key, study_datetime_key),
            accession_number = COALESCE(excluded.accession_number, accession_number),
            study_id = COALESCE(excluded.study_id, study_id),
            study_description = COALESCE(excluded.study_description, study_description),
            referring_physician = COALESCE(excluded.referring_physician, referring_physician),
            referring_physician_key = COALESCE(excluded.referring_physician_key, referring_physician_key)
        WHERE excluded.patient_pk IS NOT patient_pk
            OR (excluded.study_date IS NOT NULL AND excluded.study_date IS NOT study_date)
            OR (excluded.study_date_key IS NOT NULL AND excluded.study_date_key IS NOT study_date_key)
            OR (excluded.study_time IS NOT NULL AND excluded.study_time IS NOT study_time)
            OR (excluded.study_time_key IS NOT NULL AND excluded.study_time_key IS NOT study_time_key)
            OR (excluded.study_datetime_key IS NOT NULL AND excluded.study_datetime_key IS NOT study_datetime_key)
            OR (excluded.accession_number IS NOT NULL AND excluded.accession_number IS NOT accession_number)
            OR (excluded.study_id IS NOT NULL AND excluded.study_id IS NOT study_id)
            OR (excluded.study_description IS NOT NULL AND excluded.study_description IS NOT study_description)
            OR (excluded.referring_physician IS NOT NULL AND excluded.referring_physician IS NOT referring_physician)
            OR (excluded.referring_physician_key IS NOT NULL AND excluded.referring_physician_key IS NOT referring_physician_key)
        RETURNING pk;
        """;

    private const string SeriesSql = """
        INSERT INTO series (study_pk, series_uid, modality, series_number, series_number_text, series_description,
            units, decay_correction, corrected_image)
        VALUES ($parent, $series_uid, $modality, $series_number, $series_number_text, $series_description,
            $units, $decay_correction, $corrected_image)
        ON CONFLICT (series_uid) DO UPDATE SET
            study_pk = excluded.study_pk,
            modality = COALESCE(excluded.modality, modality),
            series_number = COALESCE(excluded.series_number, series_number),
            series_number_text = COALESCE(excluded.series_number_text, series_number_text),
            series_description = COALESCE(excluded.series_description, series_description),
            units = COALESCE(excluded.units, units),
            decay_correction = COALESCE(excluded.decay_correction, decay_correction),
            corrected_image = COALESCE(excluded.corrected_image, corrected_image)
        WHERE excluded.study_pk IS NOT study_pk
            OR (excluded.modality IS NOT NULL AND excluded.modality IS NOT modality)
            OR (excluded.series_number IS NOT NULL AND excluded.series_number IS NOT series_number)
            OR (excluded.series_number_text IS NOT NULL AND excluded.series_number_text IS NOT series_number_text)
            OR (excluded.series_description IS NOT NULL AND excluded.series_description IS NOT series_description)
            OR (excluded.units IS NOT NULL AND excluded.units IS NOT units)
            OR (excluded.decay_correction IS NOT NULL AND excluded.decay_correction IS NOT decay_correction)
            OR (excluded.corrected_image IS NOT NULL AND excluded.corrected_image IS NOT corrected_image)
        RETURNING pk;
        """;

    private const string InstanceSql = """
        INSERT INTO instance (series_pk, sop_instance_uid, sop_class_uid, instance_number, instance_number_text,
            acquisition_datetime, acquisition_datetime_key, transfer_syntax_uid, file_path, file_size, received_at)
        VALUES ($parent, $sop_instance_uid, $sop_class_uid, $instance_number, $instance_number_text,
            $acquisition_datetime, $acquisition_datetime_key, $transfer_syntax_uid, $file_path, $file_size, $received_at)
        ON CONFLICT (sop_instance_uid) DO UPDATE SET
            series_pk = excluded.series_pk,
            sop_class_uid = excluded.sop_class_uid,
            instance_number = excluded.instance_number,
            instance_number_text = excluded.instance_number_text,
            acquisition_datetime = excluded.acquisition_datetime,
            acquisition_datetime_key = excluded.acquisition_datetime_key,
            transfer_syntax_uid = excluded.transfer_syntax_uid,
            file_path = excluded.file_path,
            file_size = excluded.file_size,
            received_at = excluded.received_at;
        """;

    /// <summary>The current parents of the record's instance, series and study: candidates for pruning.</summary>
    private const string FormerParentsSql = """
        SELECT i.series_pk, se.study_pk, st.patient_pk FROM instance i JOIN series se ON se.pk = i.series_pk
            JOIN study st ON st.pk = se.study_pk WHERE i.sop_instance_uid = $sop_instance_uid
        UNION ALL SELECT NULL, se.study_pk, st.patient_pk FROM series se JOIN study st ON st.pk = se.study_pk
            WHERE se.series_uid = $series_uid
        UNION ALL SELECT NULL, NULL, st.patient_pk FROM study st WHERE st.study_uid = $study_uid;
        """;

    private const string PruneSql = """
        DELETE FROM series WHERE pk = $series AND NOT EXISTS (SELECT 1 FROM instance WHERE series_pk = $series);
        DELETE FROM study WHERE pk = $study AND NOT EXISTS (SELECT 1 FROM series WHERE study_pk = $study);
        DELETE FROM patient WHERE pk = $patient AND NOT EXISTS (SELECT 1 FROM study WHERE patient_pk = $patient);
        """;

    /// <summary>Deletes an instance row and the series, study and patient it leaves empty; false when not indexed.</summary>
    public static bool Delete(IndexCommands commands, string sopInstanceUid)
    {
        List<(long? Series, long? Study, long? Patient)> parents = FormerParents(
            commands, sopInstanceUid, string.Empty, string.Empty);
        if (parents.Count == 0 || parents[0].Series is null)
        {
            return false;
        }

        SqliteCommand command = commands.Get("DELETE FROM instance WHERE sop_instance_uid = $uid;");
        command.Parameters.AddWithValue("$uid", sopInstanceUid);
        command.ExecuteNonQuery();
        Prune(commands, parents, (0, 0, 0));
        commands.LastParents = null;
        return true;
    }

    public static void Apply(IndexCommands commands, IndexRecord r)
    {
        ArgumentNullException.ThrowIfNull(r);
        List<(long? Series, long? Study, long? Patient)> former = FormerParents(
            commands, r.SopInstanceUid, r.SeriesInstanceUid, r.StudyInstanceUid);
        // A series arrives instance after instance with the same patient, study and series values. Upserting them again
        // changes nothing (each upsert's WHERE) but costs six statements; when this record's values are those of the
        // previous upsert on this connection and nothing since may have touched those rows, its keys are reused.
        string parentValues = ParentValues(r);
        long patient, study, series;
        if (commands.LastParents is { } last && last.Values.Equals(parentValues, StringComparison.Ordinal))
        {
            (patient, study, series) = (last.Patient, last.Study, last.Series);
        }
        else
        {
            commands.LastParents = null;
            (patient, study, series) = UpsertParents(commands, r);
            commands.LastParents = new IndexCommands.ParentRows(parentValues, patient, study, series);
        }

        _ = Scalar(commands, InstanceSql,
            ("$parent", series),
            ("$sop_instance_uid", r.SopInstanceUid),
            ("$sop_class_uid", r.SopClassUid),
            ("$instance_number", IndexKeys.Integer(r.InstanceNumber)),
            ("$instance_number_text", r.InstanceNumber),
            ("$acquisition_datetime", r.AcquisitionDateTime),
            ("$acquisition_datetime_key", IndexKeys.DateTime(r.AcquisitionDateTime)),
            ("$transfer_syntax_uid", r.TransferSyntaxUid),
            ("$file_path", r.FilePath),
            ("$file_size", r.FileSize),
            ("$received_at", r.ReceivedAtText));
        SequenceUpsert.Apply(commands, r, patient, study, series);
        Prune(commands, former, (series, study, patient));
    }

    private static (long Patient, long Study, long Series) UpsertParents(IndexCommands commands, IndexRecord r)
    {
        long patient = Scalar(commands, PatientSql,
            ("$patient_id", r.PatientId),
            ("$patient_name", r.PatientName),
            ("$patient_name_key", IndexKeys.PersonName(r.PatientName)),
            ("$birth_date", r.PatientBirthDate),
            ("$birth_date_key", IndexKeys.Date(r.PatientBirthDate)),
            ("$sex", r.PatientSex));
        patient = patient != 0 ? patient : Scalar(commands, "SELECT pk FROM patient WHERE patient_id = $key;", ("$key", r.PatientId));
        long study = Scalar(commands, StudySql,
            ("$parent", patient),
            ("$study_uid", r.StudyInstanceUid),
            ("$study_date", r.StudyDate),
            ("$study_date_key", IndexKeys.Date(r.StudyDate)),
            ("$study_time", r.StudyTime),
            ("$study_time_key", IndexKeys.Time(r.StudyTime)),
            ("$study_datetime_key", IndexKeys.DateAtTime(r.StudyDate, r.StudyTime)),
            ("$accession_number", r.AccessionNumber),
            ("$study_id", r.StudyId),
            ("$study_description", r.StudyDescription),
            ("$referring_physician", r.ReferringPhysicianName),
            ("$referring_physician_key", IndexKeys.PersonName(r.ReferringPhysicianName)));
        study = study != 0 ? study : Scalar(commands, "SELECT pk FROM study WHERE study_uid = $key;", ("$key", r.StudyInstanceUid));
        long series = Scalar(commands, SeriesSql,
            ("$parent", study),
            ("$series_uid", r.SeriesInstanceUid),
            ("$modality", r.Modality),
            ("$series_number", IndexKeys.Integer(r.SeriesNumber)),
            ("$series_number_text", r.SeriesNumber),
            ("$series_description", r.SeriesDescription),
            ("$units", r.Units),
            ("$decay_correction", r.DecayCorrection),
            ("$corrected_image", r.CorrectedImage));
        series = series != 0 ? series : Scalar(commands, "SELECT pk FROM series WHERE series_uid = $key;", ("$key", r.SeriesInstanceUid));
        return (patient, study, series);
    }

    /// <summary>Every record value the patient, study and series upserts bind, as one comparable string.</summary>
    private static string ParentValues(IndexRecord r) => string.Join('\u0001', new[]
    {
        r.PatientId, r.PatientName, r.PatientBirthDate, r.PatientSex, r.StudyInstanceUid, r.StudyDate, r.StudyTime,
        r.AccessionNumber, r.StudyId, r.StudyDescription, r.ReferringPhysicianName, r.SeriesInstanceUid, r.Modality,
        r.SeriesNumber, r.SeriesDescription, r.Units, r.DecayCorrection, r.CorrectedImage,
    }.Select(v => v ?? "\u0002")); // null (absent: COALESCE keeps the stored value) must not equal "" (a value)

    private static List<(long? Series, long? Study, long? Patient)> FormerParents(
        IndexCommands commands, string sopInstanceUid, string seriesUid, string studyUid)
    {
        SqliteCommand command = commands.Get(FormerParentsSql);
        command.Parameters.AddWithValue("$sop_instance_uid", sopInstanceUid);
        command.Parameters.AddWithValue("$series_uid", seriesUid);
        command.Parameters.AddWithValue("$study_uid", studyUid);
        using SqliteDataReader reader = command.ExecuteReader();
        var rows = new List<(long? Series, long? Study, long? Patient)>(3);
        while (reader.Read())
        {
            rows.Add((NullableInt64(reader, 0), NullableInt64(reader, 1), NullableInt64(reader, 2)));
        }

        return rows;
    }

    /// <summary>Deletes each former parent that differs from the current one and has no children left.</summary>
    private static void Prune(
        IndexCommands commands, List<(long? Series, long? Study, long? Patient)> former,
        (long Series, long Study, long Patient) current)
    {
        foreach ((long? series, long? study, long? patient) in former)
        {
            long? oldSeries = series == current.Series ? null : series;
            long? oldStudy = study == current.Study ? null : study;
            long? oldPatient = patient == current.Patient ? null : patient;
            if (oldSeries is null && oldStudy is null && oldPatient is null)
            {
                continue;
            }

            SqliteCommand command = commands.Get(PruneSql);
            command.Parameters.AddWithValue("$series", (object?)oldSeries ?? DBNull.Value);
            command.Parameters.AddWithValue("$study", (object?)oldStudy ?? DBNull.Value);
            command.Parameters.AddWithValue("$patient", (object?)oldPatient ?? DBNull.Value);
            if (command.ExecuteNonQuery() > 0)
            {
                commands.LastParents = null;
            }
        }
    }

    private static long? NullableInt64(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);

    private static long Scalar(IndexCommands commands, string sql, params (string Name, object? Value)[] parameters)
    {
        SqliteCommand command = commands.Get(sql);
        foreach ((string name, object? value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command.ExecuteScalar() is long pk ? pk : 0;
    }
}
