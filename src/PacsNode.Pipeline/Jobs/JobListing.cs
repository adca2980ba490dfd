using Microsoft.Data.Sqlite;

namespace PacsNode.Pipeline.Jobs;

/// <summary>
/// Reads the job and delivery tables over a read-only connection, so it works while the node runs (WAL: readers do
/// not block the writer and see the last commit). Without <c>all</c>: every job and delivery that is not done, plus
/// the <see cref="RecentDone"/> most recently updated done jobs and their deliveries.
/// </summary>
public static class JobListing
{
    public const int RecentDone = 20;

    /// <exception cref="InvalidOperationException">The index has no job table (written by a node before schema 6).</exception>
    public static (IReadOnlyList<JobRecord> Jobs, IReadOnlyList<DeliveryRecord> Deliveries) Read(string indexPath, bool all)
    {
        ArgumentNullException.ThrowIfNull(indexPath);
        string connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = indexPath,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString();
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using (SqliteCommand check = connection.CreateCommand())
        {
            check.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'job'";
            if (Convert.ToInt64(check.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0)
            {
                throw new InvalidOperationException($"{indexPath} has no job table: no PacsNode with the pipeline has opened it yet");
            }
        }

        string filter = all
            ? "1 = 1"
            : $"state <> 'done' OR id IN (SELECT id FROM job WHERE state = 'done' ORDER BY updated_at DESC, id DESC LIMIT {RecentDone})";
        var jobs = new List<JobRecord>();
        using (SqliteCommand command = connection.CreateCommand())
        {
            command.CommandText =
                $"""
                SELECT id, kind, study_uid, series_uid, instance_uid, calling_ae, fingerprint, state, attempts, next_attempt_at,
                       last_error, summary, result_instances, timings, created_at, updated_at
                FROM job WHERE {filter} ORDER BY id
                """;
            using SqliteDataReader reader = command.ExecuteReader();
            while (reader.Read())
            {
                jobs.Add(new JobRecord(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                    Text(reader, 4), Text(reader, 5), reader.GetString(6), DbText.ParseState(reader.GetString(7)), reader.GetInt32(8),
                    DbText.ParseTime(reader.GetString(9)), Text(reader, 10), Text(reader, 11), TimingsJson.ReadList(Text(reader, 12)),
                    TimingsJson.Read(Text(reader, 13)), DbText.ParseTime(reader.GetString(14)), DbText.ParseTime(reader.GetString(15))));
            }
        }

        var deliveries = new List<DeliveryRecord>();
        using (SqliteCommand command = connection.CreateCommand())
        {
            command.CommandText =
                $"""
                SELECT id, job_id, destination_ae, state, attempts, next_attempt_at, last_error, created_at, updated_at
                FROM forward_delivery
                WHERE {(all ? "1 = 1" : $"state <> 'done' OR job_id IN (SELECT id FROM job WHERE {filter})")}
                ORDER BY id
                """;
            using SqliteDataReader reader = command.ExecuteReader();
            while (reader.Read())
            {
                deliveries.Add(new DeliveryRecord(reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2),
                    DbText.ParseState(reader.GetString(3)), reader.GetInt32(4), DbText.ParseTime(reader.GetString(5)),
                    Text(reader, 6), DbText.ParseTime(reader.GetString(7)), DbText.ParseTime(reader.GetString(8))));
            }
        }

        return (jobs, deliveries);
    }

    private static string? Text(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
