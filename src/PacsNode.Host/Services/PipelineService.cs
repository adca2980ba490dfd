using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PacsNode.Host.Options;
using PacsNode.Pipeline;
using PacsNode.Pipeline.Jobs;

namespace PacsNode.Host.Services;

/// <summary>
/// Runs the auto-processing pipeline (<see cref="IngestPipeline"/>: stability tracker, job workers, forwarder) while
/// the node runs. Registered before the listener, so it stops after it: associations still draining can announce.
/// On shutdown a running job goes back to pending and the announcement channel is closed.
/// </summary>
internal sealed class PipelineService(
    PipelineRuntime runtime,
    NodeIndex index,
    IOptions<PipelineOptions> pipelineOptions,
    IOptions<ListenerOptions> listenerOptions,
    IOptions<RemotesOptions> remotesOptions,
    IOptions<StorageOptions> storageOptions,
    TimeProvider timeProvider,
    ILoggerFactory loggerFactory) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        ILogger logger = loggerFactory.CreateLogger<PipelineService>();
        if (runtime.Processor is not { } processor || runtime.Announcer is not { } announcer)
        {
            if (runtime.Enabled)
            {
                Log.PipelineNoProcessor(logger);
            }
            else
            {
                Log.PipelineDisabled(logger);
            }

            return;
        }

        string spool = Path.Combine(storageOptions.Value.DataFolderFullPath, "spool");
        Directory.CreateDirectory(spool);
        PipelineSettings settings = pipelineOptions.Value.ToSettings(listenerOptions.Value.AeTitle, remotesOptions.Value, spool);
        var queue = new JobQueue(index.Database, settings.JobRetries, settings.Forward.Retries, timeProvider);
        var pipeline = new IngestPipeline(settings, announcer.Reader, queue, processor, timeProvider, loggerFactory.CreateLogger<IngestPipeline>());
        try
        {
            await pipeline.RunAsync(stoppingToken);
        }
        finally
        {
            announcer.Complete();
        }
    }
}
