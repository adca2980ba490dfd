using System.Security.Cryptography;
using System.Text;
using PacsNode.Dicom.Dictionary;
using PacsNode.Pipeline.Jobs;
using PacsNode.Pipeline.Stability;
using Xunit;

namespace PacsNode.Pipeline.Tests.Jobs;

public sealed class JobQueueTests
{
    private const string Pet = DicomUid.PositronEmissionTomographyImageStorage;

    [Fact]
    public async Task EnqueueReady_PetSeries_OneJobFingerprintedOverItsSortedUids()
    {
        await using var harness = new PipelineHarness();
        await harness.IndexAsync("1.2.3", "1.2.3.1", Pet, ["1.2.3.1.10", "1.2.3.1.9", "1.2.3.1.2"]);

        IReadOnlyList<long> created = harness.Queue.EnqueueReady(Ready(harness, "1.2.3.1"));

        PipelineJob job = Assert.IsType<PipelineJob>(harness.Queue.TryClaim());
        Assert.Equal(Assert.Single(created), job.Id);
        Assert.Equal((JobKind.SeriesReport, "1.2.3", "1.2.3.1", (string?)null, 1, "SCANNER"),
            (job.Kind, job.StudyInstanceUid, job.SeriesInstanceUid, job.SopInstanceUid, job.Attempt, job.CallingAeTitle));

        // Ordinal order of the UIDs, each followed by a line feed.
        string expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("1.2.3.1.10\n1.2.3.1.2\n1.2.3.1.9\n")));
        Assert.Equal(expected, job.Fingerprint);
        Assert.Null(harness.Queue.TryClaim());
    }

    [Fact]
    public async Task EnqueueReady_SameInstancesAgainAfterDone_NoSecondJob()
    {
        await using var harness = new PipelineHarness();
        await harness.IndexAsync("1.2.3", "1.2.3.1", Pet, ["1.1", "1.2"]);
        harness.Queue.EnqueueReady(Ready(harness, "1.2.3.1"));
        PipelineJob job = harness.Queue.TryClaim()!;
        harness.Queue.Complete(job, ProcessingOutcome.Success(["9.9"], "one lesion"), new StageTimer(harness.Clock), []);

        // The same study sent again: the instances are the same, so is the fingerprint.
        await harness.IndexAsync("1.2.3", "1.2.3.1", Pet, ["1.2", "1.1"]);
        Assert.Empty(harness.Queue.EnqueueReady(Ready(harness, "1.2.3.1")));
        Assert.Empty(harness.Queue.EnqueueReady(Ready(harness, "1.2.3.1")));
        Assert.Null(harness.Queue.TryClaim());
        Assert.Single(JobListing.Read(harness.IndexPath, all: true).Jobs);
    }

    [Fact]
    public async Task EnqueueReady_LateInstance_NewFingerprintAndNewJob()
    {
        await using var harness = new PipelineHarness();
        await harness.IndexAsync("1.2.3", "1.2.3.1", Pet, ["1.1", "1.2"]);
        harness.Queue.EnqueueReady(Ready(harness, "1.2.3.1"));
        PipelineJob first = harness.Queue.TryClaim()!;
        harness.Queue.Complete(first, ProcessingOutcome.Success([], "done"), new StageTimer(harness.Clock), []);

        await harness.IndexAsync("1.2.3", "1.2.3.1", Pet, ["1.3"]);
        long second = Assert.Single(harness.Queue.EnqueueReady(Ready(harness, "1.2.3.1")));

        PipelineJob job = harness.Queue.TryClaim()!;
        Assert.Equal(second, job.Id);
        Assert.NotEqual(first.Fingerprint, job.Fingerprint);
        Assert.Equal(SeriesFingerprint.Compute(["1.1", "1.2", "1.3"]), job.Fingerprint);
    }

    [Fact]
    public async Task EnqueueReady_SrSeries_ReaderHer2JobPerReceivedSrButNoneForTheNodesOwnResult()
    {
        await using var harness = new PipelineHarness();
        await harness.IndexAsync("1.2.3", "1.2.3.1", Pet, ["1.1"]);
        harness.Queue.EnqueueReady(Ready(harness, "1.2.3.1"));
        // The series job's results: the node's own SR (Comprehensive 3D), which must never make a job itself.
        harness.Queue.Complete(harness.Queue.TryClaim()!, ProcessingOutcome.Success(["8.1"], "ok"), new StageTimer(harness.Clock), []);
        await harness.IndexAsync("1.2.3", "1.2.3.8", DicomUid.Comprehensive3DSRStorage, ["8.1"]);
        await harness.IndexAsync("1.2.3", "1.2.3.7", DicomUid.Comprehensive3DSRStorage, ["7.1"]);
        await harness.IndexAsync("1.2.3", "1.2.3.7", DicomUid.EnhancedSRStorage, ["7.2"]);
        await harness.IndexAsync("1.2.3", "1.2.3.7", DicomUid.BasicTextSRStorage, ["7.3"]);

        Assert.Empty(harness.Queue.EnqueueReady(Ready(harness, "1.2.3.8")));
        Assert.Equal(2, harness.Queue.EnqueueReady(Ready(harness, "1.2.3.7")).Count);

        PipelineJob a = harness.Queue.TryClaim()!, b = harness.Queue.TryClaim()!;
        Assert.Equal([(JobKind.ReaderHer2, "7.1"), (JobKind.ReaderHer2, "7.2")], new[] { (a.Kind, a.SopInstanceUid), (b.Kind, b.SopInstanceUid) }.Order());
        Assert.Null(harness.Queue.TryClaim());
        Assert.Equal("reader-her2", JobClassifier.Name(JobKind.ReaderHer2));
        Assert.Equal(JobKind.ReaderHer2, JobClassifier.Parse("reader-her2"));
    }

    [Fact]
    public async Task EnqueueReady_RtStructAndSegSeries_OneReaderVoiJobPerInstance()
    {
        await using var harness = new PipelineHarness();
        await harness.IndexAsync("1.2.3", "1.2.3.5", DicomUid.RTStructureSetStorage, ["5.1"]);
        await harness.IndexAsync("1.2.3", "1.2.3.5", DicomUid.SegmentationStorage, ["5.2"]);
        await harness.IndexAsync("1.2.3", "1.2.3.6", DicomUid.CTImageStorage, ["6.1", "6.2"]);

        Assert.Equal(2, harness.Queue.EnqueueReady(Ready(harness, "1.2.3.5")).Count);
        Assert.Empty(harness.Queue.EnqueueReady(Ready(harness, "1.2.3.6")));
        Assert.Empty(harness.Queue.EnqueueReady(Ready(harness, "9.9.9")));

        PipelineJob a = harness.Queue.TryClaim()!;
        PipelineJob b = harness.Queue.TryClaim()!;
        Assert.Null(harness.Queue.TryClaim());
        Assert.All([a, b], j => Assert.Equal(JobKind.ReaderVois, j.Kind));
        Assert.Equal(["5.1", "5.2"], new[] { a.SopInstanceUid, b.SopInstanceUid }.Order(StringComparer.Ordinal));
        Assert.Equal(SeriesFingerprint.Compute([a.SopInstanceUid!]), a.Fingerprint);
    }

    [Fact]
    public async Task Fail_Transient_RetriedAfterEachBackoffThenParkedWithTheReason()
    {
        var clock = new ManualTimeProvider();
        await using var harness = new PipelineHarness(clock);
        await harness.IndexAsync("1.2.3", "1.2.3.1", Pet, ["1.1"]);
        harness.Queue.EnqueueReady(Ready(harness, "1.2.3.1"));

        PipelineJob first = harness.Queue.TryClaim()!;
        Assert.Equal(JobState.Failed, harness.Queue.Fail(first, "disk busy", transient: true, new StageTimer(clock)));
        clock.Advance(TimeSpan.FromSeconds(4.9));
        Assert.Null(harness.Queue.TryClaim());
        clock.Advance(TimeSpan.FromSeconds(0.1));
        PipelineJob second = harness.Queue.TryClaim()!;
        Assert.Equal((first.Id, 2), (second.Id, second.Attempt));

        Assert.Equal(JobState.Failed, harness.Queue.Fail(second, "disk busy", transient: true, new StageTimer(clock)));
        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Null(harness.Queue.TryClaim());
        clock.Advance(TimeSpan.FromSeconds(1));
        PipelineJob third = harness.Queue.TryClaim()!;
        Assert.Equal(3, third.Attempt);

        Assert.Equal(JobState.Parked, harness.Queue.Fail(third, "disk still busy", transient: true, new StageTimer(clock)));
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Null(harness.Queue.TryClaim());
        JobRecord parked = Assert.Single(JobListing.Read(harness.IndexPath, all: false).Jobs);
        Assert.Equal((JobState.Parked, 3, "disk still busy"), (parked.State, parked.Attempts, parked.LastError));

        Assert.True(harness.Queue.Retry(parked.Id));
        Assert.Equal(1, harness.Queue.TryClaim()!.Attempt);
    }

    [Fact]
    public async Task Fail_Permanent_ParkedAtOnce()
    {
        await using var harness = new PipelineHarness();
        await harness.IndexAsync("1.2.3", "1.2.3.1", Pet, ["1.1"]);
        harness.Queue.EnqueueReady(Ready(harness, "1.2.3.1"));
        PipelineJob job = harness.Queue.TryClaim()!;

        Assert.Equal(JobState.Parked, harness.Queue.Fail(job, "no PatientWeight", transient: false, new StageTimer(harness.Clock)));
        Assert.Equal("no PatientWeight", Assert.Single(JobListing.Read(harness.IndexPath, all: true).Jobs).LastError);
    }

    [Fact]
    public async Task ResetInterrupted_JobRunningWhenTheProcessDied_ClaimedOnceMore()
    {
        await using var harness = new PipelineHarness();
        await harness.IndexAsync("1.2.3", "1.2.3.1", Pet, ["1.1"]);
        harness.Queue.EnqueueReady(Ready(harness, "1.2.3.1"));
        PipelineJob claimed = harness.Queue.TryClaim()!;

        // The process dies: nothing is released; a new one opens the same file.
        await harness.ReopenAsync();
        Assert.Null(harness.Queue.TryClaim());
        Assert.Equal(1, harness.Queue.ResetInterrupted());

        PipelineJob again = harness.Queue.TryClaim()!;
        Assert.Equal((claimed.Id, claimed.Fingerprint, 2), (again.Id, again.Fingerprint, again.Attempt));
        Assert.Null(harness.Queue.TryClaim());
        harness.Queue.Complete(again, ProcessingOutcome.Success([], "ok"), new StageTimer(harness.Clock), []);
        Assert.Equal(0, harness.Queue.ResetInterrupted());
        Assert.Null(harness.Queue.TryClaim());
    }

    [Fact]
    public async Task Release_JobInterruptedByShutdown_PendingWithTheAttemptNotCounted()
    {
        await using var harness = new PipelineHarness();
        await harness.IndexAsync("1.2.3", "1.2.3.1", Pet, ["1.1"]);
        harness.Queue.EnqueueReady(Ready(harness, "1.2.3.1"));
        harness.Queue.Release(harness.Queue.TryClaim()!);

        Assert.Equal(1, harness.Queue.TryClaim()!.Attempt);
    }

    [Fact]
    public async Task Complete_WithResultsAndDestinations_TimingsKeptAndOneDeliveryPerDestination()
    {
        var clock = new ManualTimeProvider();
        await using var harness = new PipelineHarness(clock);
        await harness.IndexAsync("1.2.3", "1.2.3.1", Pet, ["1.1"]);
        harness.Queue.EnqueueReady(Ready(harness, "1.2.3.1") with { ReadyAt = clock.GetUtcNow() + TimeSpan.FromSeconds(30) });
        PipelineJob job = harness.Queue.TryClaim()!;
        var timings = new StageTimer(clock);
        timings.Record("suv", TimeSpan.FromMilliseconds(12.34));
        harness.Queue.Complete(job, ProcessingOutcome.Success(["9.1", "9.2"], "2 lesions"), timings, ["PACS", "VIEWER", "PACS"]);

        var (jobs, deliveries) = JobListing.Read(harness.IndexPath, all: false);
        JobRecord done = Assert.Single(jobs);
        Assert.Equal((JobState.Done, "2 lesions"), (done.State, done.Summary));
        Assert.Equal(["9.1", "9.2"], done.ResultInstanceUids);
        Assert.Equal([KeyValuePair.Create("stability", 30000.0), KeyValuePair.Create("suv", 12.3)], done.TimingsMs);
        Assert.Equal(["PACS", "VIEWER"], deliveries.Select(d => d.DestinationAeTitle));
        Assert.All(deliveries, d => Assert.Equal((JobState.Pending, job.Id), (d.State, d.JobId)));
    }

    [Fact]
    public async Task DeliveryFailed_AfterMaxAttempts_ParkedAsDeadLetterAndRetryable()
    {
        var clock = new ManualTimeProvider();
        await using var harness = new PipelineHarness(clock);
        await harness.IndexAsync("1.2.3", "1.2.3.1", Pet, ["1.1"]);
        harness.Queue.EnqueueReady(Ready(harness, "1.2.3.1"));
        harness.Queue.Complete(harness.Queue.TryClaim()!, ProcessingOutcome.Success(["1.1"], "ok"), new StageTimer(clock), ["PACS"]);

        var delivery = harness.Queue.TryClaimDelivery()!;
        Assert.Equal(["1.1"], delivery.SopInstanceUids);
        Assert.Equal(JobState.Failed, harness.Queue.DeliveryFailed(delivery, "connection refused", permanent: false));
        Assert.Null(harness.Queue.TryClaimDelivery());
        clock.Advance(TimeSpan.FromSeconds(5));
        delivery = harness.Queue.TryClaimDelivery()!;
        Assert.Equal(2, delivery.Attempt);
        Assert.Equal(JobState.Parked, harness.Queue.DeliveryFailed(delivery, "connection refused", permanent: false));
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Null(harness.Queue.TryClaimDelivery());

        DeliveryRecord dead = Assert.Single(JobListing.Read(harness.IndexPath, all: false).Deliveries);
        Assert.Equal((JobState.Parked, 2, "connection refused"), (dead.State, dead.Attempts, dead.LastError));
        Assert.True(harness.Queue.RetryDelivery(dead.Id));
        Assert.Equal(1, harness.Queue.TryClaimDelivery()!.Attempt);
    }

    [Fact]
    public async Task FindUnprocessedSeries_InstancesAfterTheLastJob_OnlyThoseSeries()
    {
        var clock = new ManualTimeProvider();
        await using var harness = new PipelineHarness(clock);
        DateTimeOffset start = clock.GetUtcNow();
        await harness.IndexAsync("1.2.3", "1.2.3.1", Pet, ["1.1"]);
        await harness.IndexAsync("1.2.3", "1.2.3.2", Pet, ["2.1"]);
        await harness.IndexAsync("1.2.3", "1.2.3.3", DicomUid.CTImageStorage, ["3.1"]);
        clock.Advance(TimeSpan.FromSeconds(1));
        harness.Queue.EnqueueReady(Ready(harness, "1.2.3.1"));
        clock.Advance(TimeSpan.FromSeconds(1));
        await harness.IndexAsync("1.2.3", "1.2.3.4", Pet, ["4.1"]);

        var found = harness.Queue.FindUnprocessedSeries(start - TimeSpan.FromHours(1));
        Assert.Equal(["1.2.3.2", "1.2.3.4"], found.Select(f => f.SeriesInstanceUid).Order(StringComparer.Ordinal));
        Assert.Empty(harness.Queue.FindUnprocessedSeries(clock.GetUtcNow() + TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task EnqueueReady_SegThatIsAJobsResult_NoJob()
    {
        await using var harness = new PipelineHarness();
        await harness.IndexAsync("1.2.3", "1.2.3.1", Pet, ["1.1"]);
        harness.Queue.EnqueueReady(Ready(harness, "1.2.3.1"));
        harness.Queue.Complete(harness.Queue.TryClaim()!, ProcessingOutcome.Success(["7.1", "7.2"], "ok"), new StageTimer(harness.Clock), []);

        // The node's own SEG (7.1) in the index, as the processor stores it; a reader's SEG (7.3) in the same series.
        await harness.IndexAsync("1.2.3", "1.2.3.7", DicomUid.SegmentationStorage, ["7.1"]);
        Assert.Empty(harness.Queue.EnqueueReady(Ready(harness, "1.2.3.7")));
        Assert.Empty(harness.Queue.FindUnprocessedSeries(harness.Clock.GetUtcNow() - TimeSpan.FromHours(1)));

        await harness.IndexAsync("1.2.3", "1.2.3.7", DicomUid.SegmentationStorage, ["7.3"]);
        Assert.Single(harness.Queue.EnqueueReady(Ready(harness, "1.2.3.7")));
        Assert.Equal("7.3", harness.Queue.TryClaim()!.SopInstanceUid);
    }

    private static ReadySeries Ready(PipelineHarness harness, string seriesUid) =>
        new("ignored", seriesUid, "SCANNER", harness.Clock.GetUtcNow(), harness.Clock.GetUtcNow(), ReadinessReason.Quiet, 1);
}
