using Microsoft.Data.Sqlite;
using PacsNode.Pipeline.Stability;
using PacsNode.Storage.Index;

namespace PacsNode.Pipeline.Jobs;

/// <summary>
/// The durable job queue in the index database (tables <c>job</c> and <c>forward_delivery</c>, schema 0006). Every
/// state change is one SQLite transaction on its own short-lived connection, so a kill -9 at any point leaves each
/// job in exactly one state: <see cref="ResetInterrupted"/> at startup puts the ones left running back to pending,
/// and they run again (once: a claim is an atomic UPDATE … RETURNING). SQLite is synchronous; call this from the
/// pipeline's worker tasks, never from a socket loop. The queue writes beside the index writer: WAL and the busy
/// timeout serialise the two, and each queue transaction is a few rows.
/// </summary>
public sealed partial class JobQueue
{
    private const string JobColumns =
        "id, kind, study_uid, series_uid, instance_uid, fingerprint, attempts, calling_ae";

    private readonly IndexDatabase _database;
    private readonly RetrySettings _jobRetries;
    private readonly RetrySettings _forwardRetries;
    private readonly TimeProvider _timeProvider;

    public JobQueue(IndexDatabase database, RetrySettings jobRetries, RetrySettings forwardRetries, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(jobRetries);
        ArgumentNullException.ThrowIfNull(forwardRetries);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _database = database;
        _jobRetries = jobRetries;
        _forwardRetries = forwardRetries;
        _timeProvider = timeProvider;
    }

    /// <summary>
    /// Creates the jobs a ready series calls for, from what the index holds for it now: a <c>series-report</c> when
    /// it has PET instances (fingerprint over all its SOP Instance UIDs), a <c>reader-vois</c> job per RTSTRUCT or SEG
    /// instance and a <c>reader-her2</c> job per SR instance (fingerprint over that UID). Instances that are a job's results (the node's own SR and SEG, listed in
    /// <c>job.result_instances</c>) are left out, so the node's output never makes a job. A job with the same kind, series and fingerprint already queued, done
    /// or parked is not repeated: the same study sent twice gives one job. Returns the ids of the new jobs.
    /// </summary>
    public IReadOnlyList<long> EnqueueReady(ReadySeries ready)
    {
        ArgumentNullException.ThrowIfNull(ready);
        using SqliteConnection connection = _database.OpenConnection();
        using SqliteTransaction transaction = connection.BeginTransaction();
        var instances = new List<(string SopInstanceUid, JobKind? Kind)>();
        string? studyUid = null;
        using (SqliteCommand select = Command(connection, transaction,
                   """
                   SELECT i.sop_instance_uid, i.sop_class_uid, st.study_uid
                   FROM instance i JOIN series s ON s.pk = i.series_pk JOIN study st ON st.pk = s.study_pk
                   WHERE s.series_uid = $series AND i.sop_instance_uid NOT IN (SELECT sop_instance_uid FROM job_result)
                   """, ("$series", ready.SeriesInstanceUid)))
        using (SqliteDataReader reader = select.ExecuteReader())
        {
            while (reader.Read())
            {
                instances.Add((reader.GetString(0), JobClassifier.KindOf(reader.GetString(1))));
                studyUid = reader.GetString(2);
            }
        }

        var created = new List<long>();
        if (studyUid is null)
        {
            return created;
        }

        string now = DbText.Time(_timeProvider.GetUtcNow());
        var stability = new StageTimer(_timeProvider);
        stability.Record("stability", ready.ReadyAt - ready.LastReceivedAt);
        string timings = TimingsJson.Write(stability.Stages);
        if (instances.Any(i => i.Kind == JobKind.SeriesReport))
        {
            string fingerprint = SeriesFingerprint.Compute(instances.Select(i => i.SopInstanceUid));
            Insert(JobKind.SeriesReport, null, fingerprint);
        }

        foreach ((string uid, JobKind? kind) in instances.Where(i => i.Kind is JobKind.ReaderVois or JobKind.ReaderHer2))
        {
            Insert(kind!.Value, uid, SeriesFingerprint.Compute([uid]));
        }

        transaction.Commit();
        return created;

        void Insert(JobKind kind, string? instanceUid, string fingerprint)
        {
            using SqliteCommand insert = Command(connection, transaction,
                """
                INSERT INTO job (kind, study_uid, series_uid, instance_uid, calling_ae, fingerprint, state, attempts,
                                 next_attempt_at, timings, created_at, updated_at)
                VALUES ($kind, $study, $series, $instance, $ae, $fingerprint, 'pending', 0, $now, $timings, $now, $now)
                ON CONFLICT (kind, series_uid, fingerprint) DO NOTHING
                RETURNING id
                """,
                ("$kind", JobClassifier.Name(kind)), ("$study", studyUid), ("$series", ready.SeriesInstanceUid),
                ("$instance", instanceUid), ("$ae", ready.CallingAeTitle), ("$fingerprint", fingerprint),
                ("$now", now), ("$timings", timings));
            if (insert.ExecuteScalar() is long id)
            {
                created.Add(id);
            }
        }
    }

    /// <summary>
    /// At startup: jobs and deliveries left running by a process that died go back to pending (their attempt stays
    /// counted, so a job that kills the process every time is parked after MaxAttempts). Returns the jobs reset.
    /// </summary>
    public int ResetInterrupted()
    {
        using SqliteConnection connection = _database.OpenConnection();
        using SqliteTransaction transaction = connection.BeginTransaction();
        string now = DbText.Time(_timeProvider.GetUtcNow());
        using SqliteCommand jobs = Command(connection, transaction,
            "UPDATE job SET state = 'pending', next_attempt_at = $now, updated_at = $now WHERE state = 'running'", ("$now", now));
        int reset = jobs.ExecuteNonQuery();
        using SqliteCommand deliveries = Command(connection, transaction,
            "UPDATE forward_delivery SET state = 'pending', next_attempt_at = $now, updated_at = $now WHERE state = 'running'",
            ("$now", now));
        deliveries.ExecuteNonQuery();
        transaction.Commit();
        return reset;
    }

    /// <summary>
    /// Series that may have become ready while the node was down: PET, RTSTRUCT or SEG series with an instance
    /// received since <paramref name="since"/> and after their newest job (or with no job). The pipeline hands them
    /// to the tracker, which declares them ready after a quiet time from startup; a fingerprint already done makes no
    /// new job.
    /// </summary>
    public IReadOnlyList<(string StudyInstanceUid, string SeriesInstanceUid, DateTimeOffset LastReceivedAt)> FindUnprocessedSeries(
        DateTimeOffset since)
    {
        using SqliteConnection connection = _database.OpenConnection();
        string classes = string.Join(", ", JobClassifier.SopClasses.Select(c => $"'{c}'"));
        using SqliteCommand command = Command(connection, null,
            $"""
            SELECT st.study_uid, s.series_uid, MAX(i.received_at) AS last_received
            FROM instance i JOIN series s ON s.pk = i.series_pk JOIN study st ON st.pk = s.study_pk
            WHERE i.sop_class_uid IN ({classes}) AND i.sop_instance_uid NOT IN (SELECT sop_instance_uid FROM job_result)
            GROUP BY s.pk
            HAVING last_received >= $since
               AND last_received > COALESCE((SELECT MAX(j.created_at) FROM job j WHERE j.series_uid = s.series_uid), '')
            """, ("$since", DbText.Time(since)));
        using SqliteDataReader reader = command.ExecuteReader();
        var series = new List<(string, string, DateTimeOffset)>();
        while (reader.Read())
        {
            series.Add((reader.GetString(0), reader.GetString(1), DbText.ParseTime(reader.GetString(2))));
        }

        return series;
    }

    /// <summary>Claims the oldest due job (pending, or failed and due for its retry): running, attempts + 1.</summary>
    public PipelineJob? TryClaim()
    {
        using SqliteConnection connection = _database.OpenConnection();
        string now = DbText.Time(_timeProvider.GetUtcNow());
        using SqliteCommand command = Command(connection, null,
            $"""
            UPDATE job SET state = 'running', attempts = attempts + 1, updated_at = $now
            WHERE id = (SELECT id FROM job WHERE state IN ('pending', 'failed') AND next_attempt_at <= $now
                        ORDER BY next_attempt_at, id LIMIT 1)
            RETURNING {JobColumns}
            """, ("$now", now));
        using SqliteDataReader reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        return new PipelineJob(reader.GetInt64(0), JobClassifier.Parse(reader.GetString(1)), reader.GetString(2),
            reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetString(5), reader.GetInt32(6),
            reader.IsDBNull(7) ? null : reader.GetString(7));
    }

    /// <summary>
    /// Marks a job done with its outcome and timings, and queues one forward delivery per destination AE when it
    /// stored result instances.
    /// </summary>
    public void Complete(PipelineJob job, ProcessingOutcome outcome, StageTimer timings, IReadOnlyList<string> destinations)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(timings);
        ArgumentNullException.ThrowIfNull(destinations);
        using SqliteConnection connection = _database.OpenConnection();
        using SqliteTransaction transaction = connection.BeginTransaction();
        string now = DbText.Time(_timeProvider.GetUtcNow());
        using (SqliteCommand update = Command(connection, transaction,
                   """
                   UPDATE job SET state = 'done', last_error = NULL, summary = $summary, result_instances = $results,
                                  timings = $timings, updated_at = $now
                   WHERE id = $id
                   """,
                   ("$id", job.Id), ("$summary", outcome.Summary), ("$results", TimingsJson.WriteList(outcome.ResultInstanceUids)),
                   ("$timings", MergedTimings(connection, transaction, job.Id, timings)), ("$now", now)))
        {
            update.ExecuteNonQuery();
        }

        if (outcome.ResultInstanceUids.Count > 0)
        {
            foreach (string destination in destinations.Distinct(StringComparer.Ordinal))
            {
                using SqliteCommand insert = Command(connection, transaction,
                    """
                    INSERT INTO forward_delivery (job_id, destination_ae, state, attempts, next_attempt_at, created_at, updated_at)
                    VALUES ($job, $ae, 'pending', 0, $now, $now, $now)
                    ON CONFLICT (job_id, destination_ae) DO UPDATE SET state = 'pending', attempts = 0, last_error = NULL,
                        next_attempt_at = $now, updated_at = $now
                    """, ("$job", job.Id), ("$ae", destination), ("$now", now));
                insert.ExecuteNonQuery();
            }
        }

        transaction.Commit();
    }

    /// <summary>
    /// Records a failed run: a transient failure is retried after the backoff for this attempt until MaxAttempts runs
    /// have failed, then parked; a permanent one is parked at once. Returns the new state.
    /// </summary>
    public JobState Fail(PipelineJob job, string reason, bool transient, StageTimer timings)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(timings);
        DateTimeOffset now = _timeProvider.GetUtcNow();
        JobState state = transient && job.Attempt < _jobRetries.MaxAttempts ? JobState.Failed : JobState.Parked;
        string next = DbText.Time(state == JobState.Failed ? now + _jobRetries.BackoffAfter(job.Attempt) : now);
        using SqliteConnection connection = _database.OpenConnection();
        using SqliteTransaction transaction = connection.BeginTransaction();
        using SqliteCommand update = Command(connection, transaction,
            """
            UPDATE job SET state = $state, last_error = $error, next_attempt_at = $next, timings = $timings, updated_at = $now
            WHERE id = $id
            """,
            ("$id", job.Id), ("$state", DbText.State(state)), ("$error", reason), ("$next", next),
            ("$timings", MergedTimings(connection, transaction, job.Id, timings)), ("$now", DbText.Time(now)));
        update.ExecuteNonQuery();
        transaction.Commit();
        return state;
    }

    /// <summary>A job interrupted by shutdown goes back to pending, its attempt not counted.</summary>
    public void Release(PipelineJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        using SqliteConnection connection = _database.OpenConnection();
        string now = DbText.Time(_timeProvider.GetUtcNow());
        using SqliteCommand update = Command(connection, null,
            """
            UPDATE job SET state = 'pending', attempts = MAX(attempts - 1, 0), next_attempt_at = $now, updated_at = $now
            WHERE id = $id AND state = 'running'
            """, ("$id", job.Id), ("$now", now));
        update.ExecuteNonQuery();
    }

    /// <summary>
    /// Sets a failed or parked job pending again with its attempts reset (<c>pacsnode jobs --retry ID</c>); returns
    /// false when there is no such job in those states.
    /// </summary>
    public bool Retry(long jobId) => RetryRow("job", jobId);

    /// <summary>Sets a failed or parked (dead-letter) delivery pending again with its attempts reset.</summary>
    public bool RetryDelivery(long deliveryId) => RetryRow("forward_delivery", deliveryId);

    /// <summary>When the next pending or failed job is due, or null when there is none.</summary>
    public DateTimeOffset? NextDue()
    {
        using SqliteConnection connection = _database.OpenConnection();
        using SqliteCommand command = Command(connection, null,
            """
            SELECT MIN(next_attempt_at) FROM (
                SELECT next_attempt_at FROM job WHERE state IN ('pending', 'failed')
                UNION ALL SELECT next_attempt_at FROM forward_delivery WHERE state IN ('pending', 'failed'))
            """);
        return command.ExecuteScalar() is string text ? DbText.ParseTime(text) : null;
    }

    private bool RetryRow(string table, long id)
    {
        using SqliteConnection connection = _database.OpenConnection();
        string now = DbText.Time(_timeProvider.GetUtcNow());
        using SqliteCommand update = Command(connection, null,
            $"""
            UPDATE {table} SET state = 'pending', attempts = 0, next_attempt_at = $now, updated_at = $now
            WHERE id = $id AND state IN ('failed', 'parked')
            """, ("$id", id), ("$now", now));
        return update.ExecuteNonQuery() == 1;
    }

    private static string MergedTimings(SqliteConnection connection, SqliteTransaction transaction, long jobId, StageTimer timings)
    {
        using SqliteCommand select = Command(connection, transaction, "SELECT timings FROM job WHERE id = $id", ("$id", jobId));
        return TimingsJson.Merge(select.ExecuteScalar() as string, timings.Stages);
    }

    private static SqliteCommand Command(
        SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        SqliteCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach ((string name, object? value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }
}
