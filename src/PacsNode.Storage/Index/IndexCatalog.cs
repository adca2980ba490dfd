using Microsoft.Data.Sqlite;

namespace PacsNode.Storage.Index;

/// <summary>
/// Reads of the index that the processing pipeline needs outside C-FIND: the instances of a series and the series of a
/// study, each with what is needed to open the file. Each call runs on the thread pool on its own short-lived
/// connection (SQLite is synchronous) and sees only committed rows.
/// </summary>
public sealed class IndexCatalog
{
    private readonly IndexDatabase _database;

    public IndexCatalog(IndexDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <summary>The instances indexed for a series, ordered by SOP Instance UID (ordinal); empty when the series is unknown.</summary>
    public Task<IReadOnlyList<CatalogInstance>> ListSeriesInstancesAsync(string seriesInstanceUid, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seriesInstanceUid);
        return Task.Run<IReadOnlyList<CatalogInstance>>(
            () =>
            {
                using SqliteConnection connection = _database.OpenConnection();
                using SqliteCommand command = connection.CreateCommand();
                command.CommandText = """
                    SELECT i.sop_instance_uid, i.sop_class_uid, i.file_path
                    FROM instance i JOIN series s ON s.pk = i.series_pk
                    WHERE s.series_uid = $series
                    """;
                command.Parameters.AddWithValue("$series", seriesInstanceUid);
                var instances = new List<CatalogInstance>();
                using SqliteDataReader reader = command.ExecuteReader();
                while (reader.Read())
                {
                    instances.Add(new CatalogInstance(reader.GetString(0), reader.GetString(1), reader.GetString(2)));
                }

                instances.Sort((a, b) => string.CompareOrdinal(a.SopInstanceUid, b.SopInstanceUid));
                return instances;
            },
            cancellationToken);
    }

    /// <summary>The series indexed for a study, ordered by Series Instance UID (ordinal); empty when the study is unknown.</summary>
    public Task<IReadOnlyList<CatalogSeries>> ListStudySeriesAsync(string studyInstanceUid, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(studyInstanceUid);
        return Task.Run<IReadOnlyList<CatalogSeries>>(
            () =>
            {
                using SqliteConnection connection = _database.OpenConnection();
                using SqliteCommand command = connection.CreateCommand();
                command.CommandText = """
                    SELECT s.series_uid, s.modality, (SELECT COUNT(*) FROM instance i WHERE i.series_pk = s.pk)
                    FROM series s JOIN study t ON t.pk = s.study_pk
                    WHERE t.study_uid = $study
                    """;
                command.Parameters.AddWithValue("$study", studyInstanceUid);
                var series = new List<CatalogSeries>();
                using SqliteDataReader reader = command.ExecuteReader();
                while (reader.Read())
                {
                    series.Add(new CatalogSeries(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetInt32(2)));
                }

                series.Sort((a, b) => string.CompareOrdinal(a.SeriesInstanceUid, b.SeriesInstanceUid));
                return series;
            },
            cancellationToken);
    }

    /// <summary>The Study Instance UIDs indexed for a Patient ID, ordered ordinally; empty when the patient is unknown.</summary>
    public Task<IReadOnlyList<string>> ListPatientStudiesAsync(string patientId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(patientId);
        return Task.Run<IReadOnlyList<string>>(
            () =>
            {
                using SqliteConnection connection = _database.OpenConnection();
                using SqliteCommand command = connection.CreateCommand();
                command.CommandText = """
                    SELECT t.study_uid
                    FROM study t JOIN patient p ON p.pk = t.patient_pk
                    WHERE p.patient_id = $patient
                    """;
                command.Parameters.AddWithValue("$patient", patientId);
                var studies = new List<string>();
                using SqliteDataReader reader = command.ExecuteReader();
                while (reader.Read())
                {
                    studies.Add(reader.GetString(0));
                }

                studies.Sort(StringComparer.Ordinal);
                return studies;
            },
            cancellationToken);
    }

    /// <summary>One indexed instance by SOP Instance UID, or null.</summary>
    public Task<CatalogInstance?> FindInstanceAsync(string sopInstanceUid, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sopInstanceUid);
        return Task.Run(
            () =>
            {
                using SqliteConnection connection = _database.OpenConnection();
                using SqliteCommand command = connection.CreateCommand();
                command.CommandText = "SELECT sop_instance_uid, sop_class_uid, file_path FROM instance WHERE sop_instance_uid = $uid";
                command.Parameters.AddWithValue("$uid", sopInstanceUid);
                using SqliteDataReader reader = command.ExecuteReader();
                return reader.Read() ? new CatalogInstance(reader.GetString(0), reader.GetString(1), reader.GetString(2)) : null;
            },
            cancellationToken);
    }
}
