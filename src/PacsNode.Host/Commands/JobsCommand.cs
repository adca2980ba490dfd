using System.Globalization;
using System.Text;
using System.Text.Json;
using PacsNode.Pipeline.Jobs;
using PacsNode.Storage.Index;

namespace PacsNode.Host.Commands;

/// <summary>
/// <c>pacsnode jobs [--data DIR] [--config FILE] [--json] [--all] [--retry ID] [--retry-delivery ID]</c>: the pipeline's
/// jobs and forward deliveries from the index, read over a read-only connection (works while the node runs). Without
/// <c>--all</c>: what is not done, plus the most recent done jobs. Parked deliveries are the dead-letter list.
/// <c>--retry</c> sets a failed or parked job (<c>--retry-delivery</c>: delivery) pending again with its attempts reset.
/// </summary>
internal sealed class JobsCommand(TextWriter? output = null) : ICommand
{
    private readonly TextWriter _output = output ?? Console.Out;

    public string Name => "jobs";

    public string Summary => "List the pipeline's jobs and forward deliveries (dead letters), or retry one";

    public string Usage => "jobs [--data DIR] [--config FILE] [--json] [--all] [--retry JOB_ID] [--retry-delivery DELIVERY_ID]";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var store = new DataFolderOption();
        bool json = false, all = false;
        long? retryJob = null, retryDelivery = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (store.TryTake(args, ref i))
            {
                continue;
            }

            switch (args[i])
            {
                case "--json":
                    json = true;
                    break;
                case "--all":
                    all = true;
                    break;
                case "--retry":
                    retryJob = Id(args, ref i);
                    break;
                case "--retry-delivery":
                    retryDelivery = Id(args, ref i);
                    break;
                default:
                    throw new UsageException($"unexpected argument '{args[i]}'");
            }
        }

        string indexPath = DataFolderOption.ExistingIndexPath(store.Resolve());

        if (retryJob is not null || retryDelivery is not null)
        {
            return await RetryAsync(indexPath, retryJob, retryDelivery, cancellationToken);
        }

        IReadOnlyList<JobRecord> jobs;
        IReadOnlyList<DeliveryRecord> deliveries;
        try
        {
            (jobs, deliveries) = JobListing.Read(indexPath, all);
        }
        catch (InvalidOperationException ex)
        {
            throw new CommandException(ex.Message, ex);
        }

        string text = json ? Json(indexPath, jobs, deliveries) : Text(indexPath, jobs, deliveries);
        await _output.WriteAsync(text.AsMemory(), cancellationToken);
        return ExitCodes.Ok;
    }

    private async Task<int> RetryAsync(string indexPath, long? job, long? delivery, CancellationToken cancellationToken)
    {
        var queue = new JobQueue(IndexDatabase.Open(indexPath), new RetrySettings(), new RetrySettings(), TimeProvider.System);
        if (job is { } jobId && !queue.Retry(jobId))
        {
            throw new CommandException($"no failed or parked job {jobId}");
        }

        if (delivery is { } deliveryId && !queue.RetryDelivery(deliveryId))
        {
            throw new CommandException($"no failed or parked delivery {deliveryId}");
        }

        string what = job is not null ? $"job {job}" : $"delivery {delivery}";
        await _output.WriteLineAsync($"{what} is pending again".AsMemory(), cancellationToken);
        return ExitCodes.Ok;
    }

    internal static string Text(string indexPath, IReadOnlyList<JobRecord> jobs, IReadOnlyList<DeliveryRecord> deliveries)
    {
        var text = new StringBuilder();
        var counts = string.Join(", ", jobs.GroupBy(j => j.State).OrderBy(g => g.Key).Select(g => $"{g.Count()} {StateName(g.Key)}"));
        text.Append(CultureInfo.InvariantCulture, $"{indexPath}: {jobs.Count} job(s){(counts.Length > 0 ? $" ({counts})" : string.Empty)}\n");
        foreach (JobRecord job in jobs)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"job {job.Id} {job.Kind} {StateName(job.State)} attempts {job.Attempts} series {job.SeriesInstanceUid}");
            text.Append(job.SopInstanceUid is { } uid ? $" instance {uid}" : string.Empty);
            text.Append(job.CallingAeTitle is { } ae ? $" from {ae}" : string.Empty).Append('\n');
            if (job.Summary is { } summary && job.State == JobState.Done)
            {
                text.Append("  result: ").Append(summary).Append(CultureInfo.InvariantCulture, $" ({job.ResultInstanceUids.Count} instance(s))\n");
            }

            if (job.LastError is { } error)
            {
                text.Append("  last error: ").Append(error).Append('\n');
            }

            if (job.State is JobState.Pending or JobState.Failed)
            {
                text.Append(CultureInfo.InvariantCulture, $"  next attempt: {job.NextAttemptAt:yyyy-MM-dd'T'HH:mm:ss'Z'}\n");
            }

            if (job.TimingsMs.Count > 0)
            {
                text.Append("  timings: ").AppendJoin(", ", job.TimingsMs.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Key} {t.Value:F1} ms"))).Append('\n');
            }
        }

        text.Append(CultureInfo.InvariantCulture,
            $"{deliveries.Count} forward deliver{(deliveries.Count == 1 ? "y" : "ies")}, {deliveries.Count(d => d.State == JobState.Parked)} dead letter(s)\n");
        foreach (DeliveryRecord delivery in deliveries)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"delivery {delivery.Id} job {delivery.JobId} to {delivery.DestinationAeTitle} {StateName(delivery.State)} attempts {delivery.Attempts}");
            text.Append(delivery.LastError is { } error ? $": {error}" : string.Empty).Append('\n');
        }

        return text.ToString();
    }

    internal static string Json(string indexPath, IReadOnlyList<JobRecord> jobs, IReadOnlyList<DeliveryRecord> deliveries)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("index", indexPath);
            writer.WriteStartArray("jobs");
            foreach (JobRecord job in jobs)
            {
                writer.WriteStartObject();
                writer.WriteNumber("id", job.Id);
                writer.WriteString("kind", job.Kind);
                writer.WriteString("state", StateName(job.State));
                writer.WriteNumber("attempts", job.Attempts);
                writer.WriteString("studyInstanceUid", job.StudyInstanceUid);
                writer.WriteString("seriesInstanceUid", job.SeriesInstanceUid);
                writer.WriteString("sopInstanceUid", job.SopInstanceUid);
                writer.WriteString("callingAeTitle", job.CallingAeTitle);
                writer.WriteString("fingerprint", job.Fingerprint);
                writer.WriteString("summary", job.Summary);
                writer.WriteString("lastError", job.LastError);
                writer.WriteString("nextAttemptAt", job.NextAttemptAt);
                writer.WriteString("createdAt", job.CreatedAt);
                writer.WriteString("updatedAt", job.UpdatedAt);
                writer.WriteStartArray("resultInstanceUids");
                foreach (string uid in job.ResultInstanceUids)
                {
                    writer.WriteStringValue(uid);
                }

                writer.WriteEndArray();
                writer.WriteStartObject("timingsMs");
                foreach ((string stage, double milliseconds) in job.TimingsMs)
                {
                    writer.WriteNumber(stage, milliseconds);
                }

                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("deliveries");
            foreach (DeliveryRecord delivery in deliveries)
            {
                writer.WriteStartObject();
                writer.WriteNumber("id", delivery.Id);
                writer.WriteNumber("jobId", delivery.JobId);
                writer.WriteString("destination", delivery.DestinationAeTitle);
                writer.WriteString("state", StateName(delivery.State));
                writer.WriteNumber("attempts", delivery.Attempts);
                writer.WriteString("lastError", delivery.LastError);
                writer.WriteString("nextAttemptAt", delivery.NextAttemptAt);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static string StateName(JobState state) => state.ToString().ToLowerInvariant();

    private static long Id(string[] args, ref int i)
    {
        string text = i + 1 < args.Length ? args[++i] : throw new UsageException($"{args[i]} needs a value");
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long id)
            ? id
            : throw new UsageException($"{args[i - 1]} needs a job or delivery id, not '{text}'");
    }
}
