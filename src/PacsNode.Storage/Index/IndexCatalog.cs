using Microsoft.Data.Sqlite;

namespace PacsNode.Storage.Index;

/// <summary>
/// Reads of the index that the processing pipeline needs outside C-FIND: the instances of a series, the series of a study,
/// the studies of a patient and one instance by UID, each with what is needed to open the file. Each call runs on the thread pool on its own short-lived
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
    public Task<IReadOnlyList<CatalogInstance>> ListSeriesInstancesAsync(string seriesInstanceUid, CancellationToken cancellationToken) =>
        ListAsync(
            """
            SELECT i.sop_instance_uid, i.sop_class_uid, i.file_path
            FROM instance i JOIN series s ON s.pk = i.series_pk
            WHERE s.series_uid = $key
            """,
            seriesInstanceUid, Instance, i => i.SopInstanceUid, cancellationToken);

    /// <summary>The series indexed for a study, ordered by Series Instance UID (ordinal); empty when the study is unknown.</summary>
    public Task<IReadOnlyList<CatalogSeries>> ListStudySeriesAsync(string studyInstanceUid, CancellationToken cancellationToken) =>
        ListAsync(
            """
            SELECT s.series_uid, s.modality, (SELECT COUNT(*) FROM instance i WHERE i.series_pk = s.pk)
            FROM series s JOIN study t ON t.pk = s.study_pk
            WHERE t.study_uid = $key
            """,
            studyInstanceUid,
            r => new CatalogSeries(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.GetInt32(2)),
            s => s.SeriesInstanceUid,
            cancellationToken);

    /// <summary>The Study Instance UIDs indexed for a Patient ID, ordered ordinally; empty when the patient is unknown.</summary>
    public Task<IReadOnlyList<string>> ListPatientStudiesAsync(string patientId, CancellationToken cancellationToken) =>
        ListAsync(
            """
            SELECT t.study_uid
            FROM study t JOIN patient p ON p.pk = t.patient_pk
            WHERE p.patient_id = $key
            """,
            patientId, r => r.GetString(0), uid => uid, cancellationToken);

    /// <summary>One indexed instance by SOP Instance UID (unique in the index), or null.</summary>
    public async Task<CatalogInstance?> FindInstanceAsync(string sopInstanceUid, CancellationToken cancellationToken)
    {
        IReadOnlyList<CatalogInstance> found = await ListAsync(
            "SELECT sop_instance_uid, sop_class_uid, file_path FROM instance WHERE sop_instance_uid = $key",
            sopInstanceUid, Instance, i => i.SopInstanceUid, cancellationToken).ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    private static CatalogInstance Instance(SqliteDataReader reader) => new(reader.GetString(0), reader.GetString(1), reader.GetString(2));

    /// <summary>The rows of a query with one parameter <c>$key</c>, mapped and sorted ordinally by <paramref name="order"/>.</summary>
    private Task<IReadOnlyList<T>> ListAsync<T>(
        string sql, string key, Func<SqliteDataReader, T> map, Func<T, string> order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Task.Run<IReadOnlyList<T>>(
            () =>
            {
                using SqliteConnection connection = _database.OpenConnection();
                using SqliteCommand command = connection.CreateCommand();
                command.CommandText = sql;
                command.Parameters.AddWithValue("$key", key);
                var rows = new List<T>();
                using SqliteDataReader reader = command.ExecuteReader();
                while (reader.Read())
                {
                    rows.Add(map(reader));
                }

                rows.Sort((a, b) => string.CompareOrdinal(order(a), order(b)));
                return rows;
            },
            cancellationToken);
    }
}
