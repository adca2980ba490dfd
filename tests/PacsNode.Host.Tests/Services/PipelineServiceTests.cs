using System.Buffers;
using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO;
using PacsNode.Dicom.Network.Dimse;
using PacsNode.Dicom.Network.Scu;
using PacsNode.Host.Options;
using PacsNode.Pipeline;
using PacsNode.Pipeline.Jobs;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Host.Tests.Services;

/// <summary>
/// The node's composition with a report processor registered the way the real one will be: a PET series sent by
/// C-STORE becomes one job after the quiet time, processed once with the sender's AE title; the same series sent
/// again makes no second job.
/// </summary>
public sealed class PipelineServiceTests : IDisposable
{
    private readonly TempDirectory _temp = new("pipeline-host");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _temp.Dispose();
    }

    [Fact]
    public async Task Serve_PetSeriesSentTwice_OneJobProcessedWithTheSendersAeTitle()
    {
        RequiresTool.SharedTestData();
        CancellationToken ct = TestContext.Current.CancellationToken;
        string[] files = Directory.GetFiles(TestData.Path("ibsi-suv-dro", "DRO", "DRO_0_0", "PT"), "*.dcm");
        int port = FreePort.Get();
        string data = _temp.Combine("data");
        var overrides = new Dictionary<string, string?>
        {
            [$"{ListenerOptions.SectionName}:{nameof(ListenerOptions.Port)}"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [$"{StorageOptions.SectionName}:{nameof(StorageOptions.DataFolder)}"] = data,
            [$"{PipelineOptions.SectionName}:{nameof(PipelineOptions.QuietSeconds)}"] = "1",
        };
        var builder = NodeHost.CreateBuilder(null, overrides, null);
        var processor = new CountingProcessor();
        builder.Services.AddSingleton<ISeriesProcessor>(processor);
        using var host = builder.Build();
        await host.StartAsync(ct);
        try
        {
            await FreePort.WaitUntilListeningAsync(port, ct);
            await SendAsync(port, files, ct);
            await WaitUntilAsync(() => Jobs(data).Any(j => j.State == JobState.Done), ct);
            await SendAsync(port, files, ct);
            await Task.Delay(TimeSpan.FromSeconds(2), ct);
        }
        finally
        {
            await host.StopAsync(ct);
        }

        DicomFile first = await DicomFile.OpenAsync(files[0], null, ct);
        PipelineJob job = Assert.Single(processor.Calls);
        Assert.Equal((first.Dataset.GetString(DicomTag.SeriesInstanceUID), "TESTSCU", JobKind.SeriesReport),
            (job.SeriesInstanceUid, job.CallingAeTitle, job.Kind));
        JobRecord record = Assert.Single(Jobs(data));
        Assert.Equal("processed by the test processor", record.Summary);
        Assert.InRange(record.TimingsMs.Single(t => t.Key == "stability").Value, 900, 10_000);
    }

    private static IReadOnlyList<JobRecord> Jobs(string data) =>
        File.Exists(StorageOptions.IndexPath(data)) ? JobListing.Read(StorageOptions.IndexPath(data), all: true).Jobs : [];

    private static async Task SendAsync(int port, string[] files, CancellationToken ct)
    {
        var options = new DimseClientOptions
        {
            Host = "127.0.0.1",
            Port = port,
            CalledAeTitle = "PACSNODE",
            CallingAeTitle = "TESTSCU",
            PresentationContexts = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
            {
                [DicomUid.PositronEmissionTomographyImageStorage] = [DicomUid.ExplicitVRLittleEndian],
            },
        };
        await using DimseClient client = await DimseClient.ConnectAsync(options, TimeProvider.System, NullLogger.Instance, ct);
        foreach (string path in files)
        {
            DicomFile file = await DicomFile.OpenAsync(path, null, ct);
            byte[] bytes = DicomDatasetCodec.Encode(file.Dataset, DicomTransferSyntax.ExplicitVRLittleEndian);
            CStoreResponse response = await client.StoreAsync(DicomUid.PositronEmissionTomographyImageStorage,
                file.Dataset.GetString(DicomTag.SOPInstanceUID)!, DicomUid.ExplicitVRLittleEndian, new ReadOnlySequence<byte>(bytes), ct);
            Assert.NotEqual(StatusCategory.Failure, response.Status.Category);
        }

        await client.ReleaseAsync(ct);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, CancellationToken ct)
    {
        DateTimeOffset deadline = TimeProvider.System.GetUtcNow() + TimeSpan.FromSeconds(30);
        while (!condition())
        {
            Assert.True(TimeProvider.System.GetUtcNow() < deadline, "timed out waiting for the job");
            await Task.Delay(50, ct);
        }
    }

    private sealed class CountingProcessor : ISeriesProcessor
    {
        private readonly ConcurrentQueue<PipelineJob> _calls = new();

        public IReadOnlyList<PipelineJob> Calls => [.. _calls];

        public Task<ProcessingOutcome> ProcessAsync(PipelineJob job, StageTimer timings, CancellationToken cancellationToken)
        {
            _calls.Enqueue(job);
            return Task.FromResult(ProcessingOutcome.Success([], "processed by the test processor"));
        }
    }
}
