using System.Globalization;
using System.Threading.Channels;
using Microsoft.Extensions.Logging.Abstractions;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO;
using PacsNode.Pipeline.Announcements;
using PacsNode.Pipeline.Forwarding;
using PacsNode.Pipeline.Jobs;
using PacsNode.Pipeline.Stability;
using PacsNode.Storage.Index;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Pipeline.Tests.Forwarding;

/// <summary>A done job's result instances forwarded by C-STORE: to DCMTK's storescp, and to nobody (dead letter).</summary>
public sealed class ForwardingTests
{
    [Fact]
    [Trait("Category", "Interop")]
    public async Task Forward_JobDone_ResultFileArrivesAtStorescp()
    {
        string storescp = RequiresTool.Dcmtk("storescp");
        RequiresTool.SharedTestData();
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using var harness = new PipelineHarness(TimeProvider.System);
        string result = Directory.GetFiles(TestData.Path("ibsi-suv-dro", "DRO", "DRO_0_0", "RS"), "*.dcm")[0];
        string resultUid = await UidOfAsync(result);
        using var output = new TempDirectory();
        int port = FreePort.Get();
        await using RunningTool peer = ExternalTool.Start(storescp,
            ["-aet", "STORESCP", "-od", output.FullPath, port.ToString(CultureInfo.InvariantCulture)]);
        await FreePort.WaitUntilListeningAsync(port, ct);

        var processor = new RecordingProcessor(StoreResult(harness, result));
        await using (var running = Start(harness, processor, port, out Channel<InstanceAnnouncement> announcements))
        {
            await harness.IndexAsync("1.2.3", "1.2.3.1", DicomUid.PositronEmissionTomographyImageStorage, ["1.1"]);
            await announcements.Writer.WriteAsync(Announcement("1.1"), ct);
            await WaitUntilAsync(() => Deliveries(harness).Any(d => d.State == JobState.Done));
        }

        string written = Assert.Single(Directory.GetFiles(output.FullPath));
        DicomFile received = await DicomFile.OpenAsync(written, null, ct);
        Assert.Equal(resultUid, received.Dataset.GetString(DicomTag.SOPInstanceUID));
        DeliveryRecord delivery = Assert.Single(Deliveries(harness));
        Assert.Equal(("STORESCP", 1), (delivery.DestinationAeTitle, delivery.Attempts));
        Assert.Contains(JobListing.Read(harness.IndexPath, all: true).Jobs[0].TimingsMs, t => t.Key == "forward:STORESCP");
    }

    [Fact]
    public async Task Forward_DestinationUnreachable_RetriedThenParkedWithTheError()
    {
        RequiresTool.SharedTestData();
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using var harness = new PipelineHarness(TimeProvider.System,
            forwardRetries: new RetrySettings { MaxAttempts = 2, Backoff = [TimeSpan.FromMilliseconds(100)] });
        string result = Directory.GetFiles(TestData.Path("ibsi-suv-dro", "DRO", "DRO_0_0", "RS"), "*.dcm")[0];
        int nobody = FreePort.Get();

        var processor = new RecordingProcessor(StoreResult(harness, result));
        await using (var running = Start(harness, processor, nobody, out Channel<InstanceAnnouncement> announcements))
        {
            await harness.IndexAsync("1.2.3", "1.2.3.1", DicomUid.PositronEmissionTomographyImageStorage, ["1.1"]);
            await announcements.Writer.WriteAsync(Announcement("1.1"), ct);
            await WaitUntilAsync(() => Deliveries(harness).Any(d => d.State == JobState.Parked));
            Assert.Equal((2L, 1L, 0L), (running.Counters.ForwardFailed, running.Counters.ForwardParked, running.Counters.Forwarded));
        }

        DeliveryRecord dead = Assert.Single(Deliveries(harness));
        Assert.Equal(2, dead.Attempts);
        Assert.StartsWith($"STORESCP@127.0.0.1:{nobody}: cannot connect", dead.LastError, StringComparison.Ordinal);
        Assert.Equal(JobState.Done, Assert.Single(JobListing.Read(harness.IndexPath, all: true).Jobs).State);
    }

    private static async Task<string> UidOfAsync(string path) =>
        (await DicomFile.OpenAsync(path, null, TestContext.Current.CancellationToken)).Dataset.GetString(DicomTag.SOPInstanceUID)!;

    /// <summary>A processor that, like the real one, indexes its result (here an existing file) and reports it.</summary>
    private static Func<PipelineJob, CancellationToken, Task<ProcessingOutcome>> StoreResult(PipelineHarness harness, string path) =>
        async (_, ct) =>
        {
            DicomFile file = await DicomFile.OpenAsync(path, null, ct);
            await harness.Writer.IndexAsync(
                IndexRecord.FromDataset(file.Dataset, file.TransferSyntax.Uid, path, new FileInfo(path).Length, harness.Clock.GetUtcNow()), ct);
            return ProcessingOutcome.Success([file.Dataset.GetString(DicomTag.SOPInstanceUID)!], "stored the report");
        };

    private static Running Start(PipelineHarness harness, ISeriesProcessor processor, int port, out Channel<InstanceAnnouncement> announcements)
    {
        announcements = Channel.CreateUnbounded<InstanceAnnouncement>();
        var settings = new PipelineSettings
        {
            Stability = new StabilitySettings { DefaultQuietTime = TimeSpan.FromMilliseconds(100) },
            TickInterval = TimeSpan.FromMilliseconds(20),
            PollInterval = TimeSpan.FromMilliseconds(50),
            Forward = new ForwardSettings
            {
                CallingAeTitle = "PACSNODE",
                Remotes = new Dictionary<string, ForwardDestination>(StringComparer.Ordinal)
                {
                    ["STORESCP"] = new("STORESCP", "127.0.0.1", port),
                },
                Default = ["STORESCP"],
                Retries = harness.ForwardRetries,
                Timeout = TimeSpan.FromSeconds(5),
            },
        };
        return new Running(new IngestPipeline(settings, announcements.Reader, harness.Queue, processor, TimeProvider.System, NullLogger.Instance));
    }

    private static InstanceAnnouncement Announcement(string sopUid) =>
        new("1.2.3", "1.2.3.1", sopUid, DicomUid.PositronEmissionTomographyImageStorage, "PT", "SCANNER", null, null, null,
            TimeProvider.System.GetUtcNow());

    private static IReadOnlyList<DeliveryRecord> Deliveries(PipelineHarness harness) => JobListing.Read(harness.IndexPath, all: true).Deliveries;

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        DateTimeOffset deadline = TimeProvider.System.GetUtcNow() + TimeSpan.FromSeconds(20);
        while (!condition())
        {
            Assert.True(TimeProvider.System.GetUtcNow() < deadline, "timed out waiting for the pipeline");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    private sealed class Running : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _run;

        public Running(IngestPipeline pipeline)
        {
            Counters = pipeline.Counters;
            _run = pipeline.RunAsync(_stop.Token);
        }

        public PipelineCounters Counters { get; }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _run;
            _stop.Dispose();
        }
    }
}
