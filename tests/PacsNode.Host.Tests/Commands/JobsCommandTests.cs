using System.Text.Json;
using Microsoft.Data.Sqlite;
using PacsNode.Dicom.Dictionary;
using PacsNode.Host.Commands;
using PacsNode.Host.Options;
using PacsNode.Pipeline;
using PacsNode.Pipeline.Jobs;
using PacsNode.Pipeline.Stability;
using PacsNode.Storage.Index;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Host.Tests.Commands;

/// <summary><c>pacsnode jobs</c> on an index prepared through the queue: one done job with a dead letter, one parked.</summary>
public sealed class JobsCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new("jobs");

    private string DataFolder => _temp.Combine("data");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _temp.Dispose();
    }

    [Fact]
    public async Task Jobs_PreparedIndex_ListsJobsErrorsTimingsAndTheDeadLetter()
    {
        await PrepareAsync();
        var output = new StringWriter();

        int exitCode = await new JobsCommand(output).RunAsync(["--data", DataFolder], TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Ok, exitCode);
        string[] lines = output.ToString().Split('\n');
        Assert.Equal($"{StorageOptions.IndexPath(DataFolder)}: 2 job(s) (1 done, 1 parked)", lines[0]);
        Assert.Equal("job 1 series-report done attempts 1 series 1.2.3.1 from SCANNER", lines[1]);
        Assert.Equal("  result: 2 lesions (1 instance(s))", lines[2]);
        Assert.StartsWith("  timings: stability ", lines[3], StringComparison.Ordinal);
        Assert.Contains(", suv 12.5 ms", lines[3], StringComparison.Ordinal);
        Assert.Equal("job 2 reader-vois parked attempts 1 series 1.2.3.5 instance 5.1 from SCANNER", lines[4]);
        Assert.Equal("  last error: no PET series referenced", lines[5]);
        Assert.Contains("1 forward delivery, 1 dead letter(s)", lines, StringComparer.Ordinal);
        Assert.Contains("delivery 1 job 1 to PACS parked attempts 1: association rejected", lines, StringComparer.Ordinal);
    }

    [Fact]
    public async Task Jobs_Json_ParsesWithEveryJobAndDelivery()
    {
        await PrepareAsync();
        var output = new StringWriter();

        await new JobsCommand(output).RunAsync(["--data", DataFolder, "--json"], TestContext.Current.CancellationToken);

        using var json = JsonDocument.Parse(output.ToString());
        JsonElement jobs = json.RootElement.GetProperty("jobs");
        Assert.Equal(2, jobs.GetArrayLength());
        Assert.Equal("done", jobs[0].GetProperty("state").GetString());
        Assert.Equal("9.1", jobs[0].GetProperty("resultInstanceUids")[0].GetString());
        Assert.Equal(12.5, jobs[0].GetProperty("timingsMs").GetProperty("suv").GetDouble());
        Assert.Equal(SeriesFingerprint.Compute(["1.1"]), jobs[0].GetProperty("fingerprint").GetString());
        Assert.Equal("no PET series referenced", jobs[1].GetProperty("lastError").GetString());
        JsonElement delivery = Assert.Single(json.RootElement.GetProperty("deliveries").EnumerateArray());
        Assert.Equal(("PACS", "parked"), (delivery.GetProperty("destination").GetString(), delivery.GetProperty("state").GetString()));
    }

    [Fact]
    public async Task Jobs_RetryParkedDelivery_PendingAgainAndARetryOfADoneJobRefused()
    {
        await PrepareAsync();
        var output = new StringWriter();
        CancellationToken ct = TestContext.Current.CancellationToken;

        Assert.Equal(ExitCodes.Ok, await new JobsCommand(output).RunAsync(["--data", DataFolder, "--retry-delivery", "1"], ct));
        await Assert.ThrowsAsync<CommandException>(() => new JobsCommand(output).RunAsync(["--data", DataFolder, "--retry", "1"], ct));

        Assert.Contains("delivery 1 is pending again", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(JobState.Pending, Assert.Single(JobListing.Read(StorageOptions.IndexPath(DataFolder), all: true).Deliveries).State);
    }

    [Fact]
    public async Task Jobs_NoIndex_FailsNamingIt()
    {
        var exception = await Assert.ThrowsAsync<CommandException>(
            () => new JobsCommand(new StringWriter()).RunAsync(["--data", DataFolder], TestContext.Current.CancellationToken));
        Assert.Contains("no index at", exception.Message, StringComparison.Ordinal);
    }

    private async Task PrepareAsync()
    {
        Directory.CreateDirectory(DataFolder);
        var database = IndexDatabase.Open(StorageOptions.IndexPath(DataFolder));
        await using (var writer = new IndexWriter(database, TimeProvider.System))
        {
            await writer.IndexAsync(Record("1.2.3.1", "1.1", DicomUid.PositronEmissionTomographyImageStorage), TestContext.Current.CancellationToken);
            await writer.IndexAsync(Record("1.2.3.5", "5.1", DicomUid.RTStructureSetStorage), TestContext.Current.CancellationToken);
        }

        var queue = new JobQueue(database, new RetrySettings { MaxAttempts = 1 }, new RetrySettings { MaxAttempts = 1 }, TimeProvider.System);
        DateTimeOffset now = TimeProvider.System.GetUtcNow();
        queue.EnqueueReady(new ReadySeries("1.2.3", "1.2.3.1", "SCANNER", now, now, ReadinessReason.Quiet, 1));
        queue.EnqueueReady(new ReadySeries("1.2.3", "1.2.3.5", "SCANNER", now, now, ReadinessReason.Quiet, 1));
        var timings = new StageTimer(TimeProvider.System);
        timings.Record("suv", TimeSpan.FromMilliseconds(12.5));
        queue.Complete(queue.TryClaim()!, ProcessingOutcome.Success(["9.1"], "2 lesions"), timings, ["PACS"]);
        queue.Fail(queue.TryClaim()!, "no PET series referenced", transient: false, new StageTimer(TimeProvider.System));
        queue.DeliveryFailed(queue.TryClaimDelivery()!, "association rejected", permanent: false);
    }

    private static IndexRecord Record(string series, string sop, string sopClass) => new()
    {
        PatientId = "P1",
        StudyInstanceUid = "1.2.3",
        SeriesInstanceUid = series,
        SopInstanceUid = sop,
        SopClassUid = sopClass,
        TransferSyntaxUid = DicomUid.ExplicitVRLittleEndian,
        FilePath = "/nowhere/" + sop + ".dcm",
        ReceivedAt = TimeProvider.System.GetUtcNow(),
    };
}
