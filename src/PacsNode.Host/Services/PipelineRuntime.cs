using Microsoft.Extensions.Options;
using PacsNode.Host.Options;
using PacsNode.Pipeline;
using PacsNode.Pipeline.Announcements;

namespace PacsNode.Host.Services;

/// <summary>
/// Whether the pipeline runs in this node: <c>PacsNode:Pipeline:Enabled</c> and a registered
/// <see cref="ISeriesProcessor"/> (the last one registered wins). When it runs, <see cref="Announcer"/> is the channel
/// the Storage SCP announces on; when it does not, it is null and nothing is announced.
/// </summary>
internal sealed class PipelineRuntime
{
    public PipelineRuntime(IOptions<PipelineOptions> options, IEnumerable<ISeriesProcessor> processors, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(processors);
        Enabled = options.Value.Enabled;
        Processor = Enabled ? processors.LastOrDefault() : null;
        Announcer = Processor is null ? null : new ChannelInstanceAnnouncer(timeProvider);
    }

    /// <summary>The configuration asks for the pipeline.</summary>
    public bool Enabled { get; }

    /// <summary>The report processor, or null when the pipeline is off.</summary>
    public ISeriesProcessor? Processor { get; }

    /// <summary>The announcement channel, or null when the pipeline is off.</summary>
    public ChannelInstanceAnnouncer? Announcer { get; }
}
