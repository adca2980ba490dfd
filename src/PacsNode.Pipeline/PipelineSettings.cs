using PacsNode.Pipeline.Forwarding;
using PacsNode.Pipeline.Jobs;
using PacsNode.Pipeline.Stability;

namespace PacsNode.Pipeline;

/// <summary>Everything the pipeline is told by the host (bound there from <c>PacsNode:Pipeline</c>).</summary>
public sealed record PipelineSettings
{
    public StabilitySettings Stability { get; init; } = new();

    /// <summary>Jobs run at once (each is one processor call).</summary>
    public int Workers { get; init; } = 1;

    public RetrySettings JobRetries { get; init; } = new();

    public ForwardSettings Forward { get; init; } = new();

    /// <summary>How often the tracker is asked for quiet series.</summary>
    public TimeSpan TickInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How often an idle worker or forwarder looks for a job or delivery whose retry time has come.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// At startup, series with instances received within this window and after their newest job (or with none) are
    /// tracked again, as if just received; older ones are left alone (an upgrade does not process the whole archive).
    /// Zero: no startup scan.
    /// </summary>
    public TimeSpan StartupScanWindow { get; init; } = TimeSpan.FromHours(24);
}
