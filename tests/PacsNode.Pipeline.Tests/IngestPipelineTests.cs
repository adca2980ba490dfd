using System.Threading.Channels;
using Microsoft.Extensions.Logging.Abstractions;
using PacsNode.Dicom.Dictionary;
using PacsNode.Pipeline.Announcements;
using PacsNode.Pipeline.Jobs;
using PacsNode.Pipeline.Stability;
using Xunit;

namespace PacsNode.Pipeline.Tests;

/// <summary>The running pipeline on the real clock with short quiet times, against a test processor.</summary>
public sealed class IngestPipelineTests
{
    private const string Pet = DicomUid.PositronEmissionTomographyImageStorage;

    [Fact]
    public async Task RunAsync_SeriesSentTwiceThenALateSlice_ProcessedOncePerDistinctInput()
    {
        await using var harness = new PipelineHarness(TimeProvider.System);
        var processor = new RecordingProcessor(RecordingProcessor.Succeed());
        var announcements = Channel.CreateUnbounded<InstanceAnnouncement>();
        await using var running = Run(harness, processor, announcements.Reader);

        await harness.IndexAsync("1.2.3", "1.2.3.1", Pet, ["1.1", "1.2"]);
        await AnnounceAsync(announcements, "1.2.3.1", ["1.1", "1.2"]);
        await WaitUntilAsync(() => JobsIn(harness, JobState.Done) == 1);

        await AnnounceAsync(announcements, "1.2.3.1", ["1.2", "1.1"]);
        await WaitUntilAsync(() => running.Pipeline.Counters.Ready == 2);

        await harness.IndexAsync("1.2.3", "1.2.3.1", Pet, ["1.3"]);
        await AnnounceAsync(announcements, "1.2.3.1", ["1.3"]);
        await WaitUntilAsync(() => JobsIn(harness, JobState.Done) == 2);

        Assert.Equal(2, processor.Calls.Count);
        Assert.Equal(SeriesFingerprint.Compute(["1.1", "1.2"]), processor.Calls[0].Fingerprint);
        Assert.Equal(SeriesFingerprint.Compute(["1.1", "1.2", "1.3"]), processor.Calls[1].Fingerprint);
        Assert.Equal((3L, 2L, 2L), (running.Pipeline.Counters.Ready, running.Pipeline.Counters.Enqueued, running.Pipeline.Counters.Processed));
        JobRecord first = JobListing.Read(harness.IndexPath, all: true).Jobs[0];
        Assert.Equal(["stability", "report"], first.TimingsMs.Select(t => t.Key));
        Assert.InRange(first.TimingsMs[0].Value, 150, 5000);
    }

    [Fact]
    public async Task RunAsync_TransientFailureThenSuccess_RetriedAfterBackoff()
    {
        await using var harness = new PipelineHarness(TimeProvider.System,
            new RetrySettings { MaxAttempts = 3, Backoff = [TimeSpan.FromMilliseconds(300)] });
        var processor = new RecordingProcessor(RecordingProcessor.FailTransiently("file locked"), RecordingProcessor.Succeed());
        var announcements = Channel.CreateUnbounded<InstanceAnnouncement>();
        await using var running = Run(harness, processor, announcements.Reader);

        await harness.IndexAsync("1.2.3", "1.2.3.1", Pet, ["1.1"]);
        await AnnounceAsync(announcements, "1.2.3.1", ["1.1"]);
        await WaitUntilAsync(() => JobsIn(harness, JobState.Done) == 1);

        Assert.Equal([1, 2], processor.Calls.Select(c => c.Attempt));
        JobRecord job = Assert.Single(JobListing.Read(harness.IndexPath, all: true).Jobs);
        Assert.Equal((2, (string?)null), (job.Attempts, job.LastError));
        Assert.Equal((1L, 1L), (running.Pipeline.Counters.Failed, running.Pipeline.Counters.Processed));
    }

    [Fact]
    public async Task RunAsync_ProcessorThrowsEveryTime_ParkedAfterMaxAttemptsWithTheException()
    {
        await using var harness = new PipelineHarness(TimeProvider.System,
            new RetrySettings { MaxAttempts = 2, Backoff = [TimeSpan.FromMilliseconds(100)] });
        var processor = new RecordingProcessor(RecordingProcessor.Throw("boom"));
        var announcements = Channel.CreateUnbounded<InstanceAnnouncement>();
        await using var running = Run(harness, processor, announcements.Reader);

        await harness.IndexAsync("1.2.3", "1.2.3.1", Pet, ["1.1"]);
        await AnnounceAsync(announcements, "1.2.3.1", ["1.1"]);
        await WaitUntilAsync(() => JobsIn(harness, JobState.Parked) == 1);

        JobRecord job = Assert.Single(JobListing.Read(harness.IndexPath, all: true).Jobs);
        Assert.Equal((2, "InvalidOperationException: boom"), (job.Attempts, job.LastError));
        Assert.Equal(2, processor.Calls.Count);
        Assert.Equal(1L, running.Pipeline.Counters.Parked);
    }

    [Fact]
    public async Task RunAsync_ShutdownWhileAJobRuns_JobBackToPendingAndRunOnceAfterRestart()
    {
        await using var harness = new PipelineHarness(TimeProvider.System);
        var hanging = new RecordingProcessor(RecordingProcessor.Hang());
        var announcements = Channel.CreateUnbounded<InstanceAnnouncement>();
        await harness.IndexAsync("1.2.3", "1.2.3.1", Pet, ["1.1"]);
        await using (var running = Run(harness, hanging, announcements.Reader))
        {
            await AnnounceAsync(announcements, "1.2.3.1", ["1.1"]);
            await WaitUntilAsync(() => hanging.Calls.Count == 1);
        }

        JobRecord interrupted = Assert.Single(JobListing.Read(harness.IndexPath, all: true).Jobs);
        Assert.Equal((JobState.Pending, 0), (interrupted.State, interrupted.Attempts));

        var processor = new RecordingProcessor(RecordingProcessor.Succeed());
        await using (var restarted = Run(harness, processor, Channel.CreateUnbounded<InstanceAnnouncement>().Reader))
        {
            await WaitUntilAsync(() => JobsIn(harness, JobState.Done) == 1);
        }

        Assert.Equal(interrupted.Id, Assert.Single(processor.Calls).Id);
    }

    [Fact]
    public async Task RunAsync_ProcessKilledWhileAJobRan_ResumedExactlyOnce()
    {
        await using var harness = new PipelineHarness(TimeProvider.System);
        await harness.IndexAsync("1.2.3", "1.2.3.1", Pet, ["1.1"]);
        harness.Queue.EnqueueReady(new ReadySeries("1.2.3", "1.2.3.1", "SCANNER", harness.Clock.GetUtcNow(), harness.Clock.GetUtcNow(), ReadinessReason.Quiet, 1));
        PipelineJob killed = harness.Queue.TryClaim()!;
        await harness.ReopenAsync();

        var processor = new RecordingProcessor(RecordingProcessor.Succeed());
        await using (var running = Run(harness, processor, Channel.CreateUnbounded<InstanceAnnouncement>().Reader))
        {
            await WaitUntilAsync(() => JobsIn(harness, JobState.Done) == 1);

            // Long enough for a second claim, were one possible.
            await Task.Delay(300, TestContext.Current.CancellationToken);
        }

        PipelineJob call = Assert.Single(processor.Calls);
        Assert.Equal((killed.Id, 2), (call.Id, call.Attempt));
    }

    [Fact]
    public async Task RunAsync_SeriesReceivedWhileThePipelineWasDown_FoundAtStartupAndProcessed()
    {
        await using var harness = new PipelineHarness(TimeProvider.System);
        await harness.IndexAsync("1.2.3", "1.2.3.1", Pet, ["1.1", "1.2"]);
        await harness.IndexAsync("1.2.3", "1.2.3.2", DicomUid.CTImageStorage, ["2.1"]);

        var processor = new RecordingProcessor(RecordingProcessor.Succeed());
        await using (var running = Run(harness, processor, Channel.CreateUnbounded<InstanceAnnouncement>().Reader))
        {
            await WaitUntilAsync(() => JobsIn(harness, JobState.Done) == 1);
        }

        Assert.Equal(("1.2.3.1", (string?)null), (Assert.Single(processor.Calls).SeriesInstanceUid, processor.Calls[0].CallingAeTitle));
    }

    private static RunningPipeline Run(PipelineHarness harness, ISeriesProcessor processor, ChannelReader<InstanceAnnouncement> announcements)
    {
        var settings = new PipelineSettings
        {
            Stability = new StabilitySettings { DefaultQuietTime = TimeSpan.FromMilliseconds(200) },
            JobRetries = harness.JobRetries,
            TickInterval = TimeSpan.FromMilliseconds(20),
            PollInterval = TimeSpan.FromMilliseconds(50),
        };
        var pipeline = new IngestPipeline(settings, announcements, harness.Queue, processor, TimeProvider.System, NullLogger.Instance);
        return new RunningPipeline(pipeline);
    }

    private static async Task AnnounceAsync(Channel<InstanceAnnouncement> channel, string seriesUid, string[] sopUids)
    {
        foreach (string uid in sopUids)
        {
            await channel.Writer.WriteAsync(new InstanceAnnouncement("1.2.3", seriesUid, uid, Pet, "PT", "SCANNER", "F1", null, null,
                TimeProvider.System.GetUtcNow()), TestContext.Current.CancellationToken);
        }
    }

    private static int JobsIn(PipelineHarness harness, JobState state) =>
        JobListing.Read(harness.IndexPath, all: true).Jobs.Count(j => j.State == state);

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        DateTimeOffset deadline = TimeProvider.System.GetUtcNow() + TimeSpan.FromSeconds(15);
        while (!condition())
        {
            Assert.True(TimeProvider.System.GetUtcNow() < deadline, "timed out waiting for the pipeline");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    private sealed class RunningPipeline : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _run;

        public RunningPipeline(IngestPipeline pipeline)
        {
            Pipeline = pipeline;
            _run = pipeline.RunAsync(_stop.Token);
        }

        public IngestPipeline Pipeline { get; }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _run;
            _stop.Dispose();
        }
    }
}
