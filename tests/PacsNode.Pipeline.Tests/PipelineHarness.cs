using PacsNode.Dicom.Dictionary;
using PacsNode.Pipeline.Jobs;
using PacsNode.Storage.Index;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Pipeline.Tests;

/// <summary>An index database in a temporary folder, an index writer to put instance rows in it, a queue on it.</summary>
internal sealed class PipelineHarness : IAsyncDisposable
{
    public PipelineHarness(TimeProvider? clock = null, RetrySettings? jobRetries = null, RetrySettings? forwardRetries = null)
    {
        Clock = clock ?? new ManualTimeProvider();
        Folder = new TempDirectory("pipeline");
        IndexPath = Folder.Combine("index.sqlite");
        JobRetries = jobRetries ?? new RetrySettings { MaxAttempts = 3, Backoff = [TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30)] };
        ForwardRetries = forwardRetries ?? new RetrySettings { MaxAttempts = 2, Backoff = [TimeSpan.FromSeconds(5)] };
        Open();
    }

    public TimeProvider Clock { get; }

    public TempDirectory Folder { get; }

    public string IndexPath { get; }

    public RetrySettings JobRetries { get; }

    public RetrySettings ForwardRetries { get; }

    public IndexDatabase Database { get; private set; } = null!;

    public IndexWriter Writer { get; private set; } = null!;

    public JobQueue Queue { get; private set; } = null!;

    /// <summary>Drops every object on the database and opens it again, as a restarted process would.</summary>
    public async Task ReopenAsync()
    {
        await Writer.DisposeAsync();
        Open();
    }

    /// <summary>Indexes instances of one series (no file behind them unless <paramref name="filePath"/> is given).</summary>
    public async Task IndexAsync(string studyUid, string seriesUid, string sopClassUid, IEnumerable<string> sopInstanceUids, string? filePath = null)
    {
        foreach (string uid in sopInstanceUids)
        {
            await Writer.IndexAsync(new IndexRecord
            {
                PatientId = "P1",
                StudyInstanceUid = studyUid,
                SeriesInstanceUid = seriesUid,
                Modality = sopClassUid == DicomUid.PositronEmissionTomographyImageStorage ? "PT" : "OT",
                SopInstanceUid = uid,
                SopClassUid = sopClassUid,
                TransferSyntaxUid = DicomUid.ExplicitVRLittleEndian,
                FilePath = filePath ?? Folder.Combine(uid + ".dcm"),
                ReceivedAt = Clock.GetUtcNow(),
            }, TestContext.Current.CancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Writer.DisposeAsync();
        Folder.Dispose();
    }

    private void Open()
    {
        Database = IndexDatabase.Open(IndexPath);
        Writer = new IndexWriter(Database, Clock);
        Queue = new JobQueue(Database, JobRetries, ForwardRetries, Clock);
    }
}
