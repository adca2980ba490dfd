using Microsoft.Data.Sqlite;
using PacsNode.Dicom.Network.Dimse;
using PacsNode.Pipeline.Forwarding;

namespace PacsNode.Pipeline.Jobs;

/// <summary>Forward deliveries: claimed, done, failed with backoff, parked (the dead-letter list).</summary>
public sealed partial class JobQueue
{
    /// <summary>Claims the oldest due delivery (pending, or failed and due): running, attempts + 1.</summary>
    public ForwardDelivery? TryClaimDelivery()
    {
        using SqliteConnection connection = _database.OpenConnection();
        string now = DbText.Time(_timeProvider.GetUtcNow());
        using SqliteCommand command = Command(connection, null,
            """
            UPDATE forward_delivery SET state = 'running', attempts = attempts + 1, updated_at = $now
            WHERE id = (SELECT id FROM forward_delivery WHERE state IN ('pending', 'failed') AND next_attempt_at <= $now
                        ORDER BY next_attempt_at, id LIMIT 1)
            RETURNING id, job_id, destination_ae, attempts,
                      (SELECT result_instances FROM job WHERE job.id = forward_delivery.job_id)
            """, ("$now", now));
        using SqliteDataReader reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        return new ForwardDelivery(reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.GetInt32(3),
            TimingsJson.ReadList(reader.IsDBNull(4) ? null : reader.GetString(4)));
    }

    /// <summary>The stored files of <paramref name="sopInstanceUids"/>, and the UIDs the index does not hold.</summary>
    public (IReadOnlyList<InstanceFile> Files, IReadOnlyList<string> Missing) ResolveInstances(IReadOnlyList<string> sopInstanceUids)
    {
        ArgumentNullException.ThrowIfNull(sopInstanceUids);
        using SqliteConnection connection = _database.OpenConnection();
        var files = new List<InstanceFile>();
        var missing = new List<string>();
        foreach (string uid in sopInstanceUids)
        {
            using SqliteCommand command = Command(connection, null,
                "SELECT sop_class_uid, transfer_syntax_uid, file_path FROM instance WHERE sop_instance_uid = $uid", ("$uid", uid));
            using SqliteDataReader reader = command.ExecuteReader();
            if (reader.Read())
            {
                files.Add(new InstanceFile(reader.GetString(0), uid, reader.GetString(1), reader.GetString(2)));
            }
            else
            {
                missing.Add(uid);
            }
        }

        return (files, missing);
    }

    /// <summary>Marks a delivery done and adds its time to the job's timings as <c>forward:AE</c>.</summary>
    public void DeliveryDone(ForwardDelivery delivery, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        using SqliteConnection connection = _database.OpenConnection();
        using SqliteTransaction transaction = connection.BeginTransaction();
        string now = DbText.Time(_timeProvider.GetUtcNow());
        using (SqliteCommand update = Command(connection, transaction,
                   "UPDATE forward_delivery SET state = 'done', last_error = NULL, updated_at = $now WHERE id = $id",
                   ("$id", delivery.Id), ("$now", now)))
        {
            update.ExecuteNonQuery();
        }

        using (SqliteCommand timings = Command(connection, transaction,
                   "UPDATE job SET timings = $timings WHERE id = $id",
                   ("$id", delivery.JobId),
                   ("$timings", MergedTimings(connection, transaction, delivery.JobId, Stage("forward:" + delivery.DestinationAeTitle, elapsed)))))
        {
            timings.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    /// <summary>
    /// Records a failed delivery: retried after the forward backoff until MaxAttempts tries have failed, then parked
    /// (dead letter) with the reason; <paramref name="permanent"/> parks at once. Returns the new state.
    /// </summary>
    public JobState DeliveryFailed(ForwardDelivery delivery, string reason, bool permanent)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        DateTimeOffset now = _timeProvider.GetUtcNow();
        JobState state = !permanent && delivery.Attempt < _forwardRetries.MaxAttempts ? JobState.Failed : JobState.Parked;
        string next = DbText.Time(state == JobState.Failed ? now + _forwardRetries.BackoffAfter(delivery.Attempt) : now);
        using SqliteConnection connection = _database.OpenConnection();
        using SqliteCommand update = Command(connection, null,
            """
            UPDATE forward_delivery SET state = $state, last_error = $error, next_attempt_at = $next, updated_at = $now
            WHERE id = $id
            """,
            ("$id", delivery.Id), ("$state", DbText.State(state)), ("$error", reason), ("$next", next), ("$now", DbText.Time(now)));
        update.ExecuteNonQuery();
        return state;
    }

    /// <summary>A delivery interrupted by shutdown goes back to pending, its attempt not counted.</summary>
    public void ReleaseDelivery(ForwardDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        using SqliteConnection connection = _database.OpenConnection();
        string now = DbText.Time(_timeProvider.GetUtcNow());
        using SqliteCommand update = Command(connection, null,
            """
            UPDATE forward_delivery SET state = 'pending', attempts = MAX(attempts - 1, 0), next_attempt_at = $now, updated_at = $now
            WHERE id = $id AND state = 'running'
            """, ("$id", delivery.Id), ("$now", now));
        update.ExecuteNonQuery();
    }

    private StageTimer Stage(string name, TimeSpan elapsed)
    {
        var timer = new StageTimer(_timeProvider);
        timer.Record(name, elapsed);
        return timer;
    }
}
