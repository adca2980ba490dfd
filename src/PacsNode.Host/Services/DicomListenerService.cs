using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PacsNode.Host.Options;

namespace PacsNode.Host.Services;

/// <summary>
/// Accepts DICOM associations on the configured AE title and port. Until the network layer lands it says so in
/// the log and waits for shutdown.
/// </summary>
internal sealed class DicomListenerService(IOptions<ListenerOptions> options, ILogger<DicomListenerService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var listener = options.Value;
        Log.ListenerNotImplemented(logger, listener.AeTitle, listener.Address, listener.Port);
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown was requested: the normal way out.
        }

        Log.ListenerStopped(logger);
    }
}
