using System.Threading.Channels;
using PacsNode.Dicom.Dictionary;
using PacsNode.Storage.Files;

namespace PacsNode.Pipeline.Announcements;

/// <summary>
/// Announces stored instances on a bounded channel read by the pipeline. Capacity 4096 records (about 1 KB each, so
/// at most a few MB): the reader only updates the in-memory stability tracker, microseconds per record, so the
/// channel is nearly always empty; the bound matters only when the reader stalls, and then Wait (backpressure) slows
/// the C-STOREs rather than dropping announcements or growing without limit. Once the pipeline has stopped reading
/// (channel completed at shutdown) announcements are dropped; the startup scan finds those series again.
/// </summary>
public sealed class ChannelInstanceAnnouncer : IInstanceAnnouncer
{
    public const int Capacity = 4096;

    private readonly Channel<InstanceAnnouncement> _channel;
    private readonly TimeProvider _timeProvider;
    private long _dropped;

    public ChannelInstanceAnnouncer(TimeProvider timeProvider) : this(timeProvider, Capacity)
    {
    }

    internal ChannelInstanceAnnouncer(TimeProvider timeProvider, int capacity)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
        _channel = Channel.CreateBounded<InstanceAnnouncement>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = false,
        });
    }

    /// <summary>The pipeline's end of the channel.</summary>
    public ChannelReader<InstanceAnnouncement> Reader => _channel.Reader;

    /// <summary>Announcements dropped because the pipeline had stopped reading.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public async ValueTask AnnounceAsync(string callingAeTitle, StoreResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Outcome is not (StoreOutcome.Stored or StoreOutcome.Replaced) || result.Dataset is not { } dataset)
        {
            return;
        }

        var announcement = new InstanceAnnouncement(
            result.StudyInstanceUid,
            result.SeriesInstanceUid,
            result.SopInstanceUid,
            result.SopClassUid,
            dataset.GetString(DicomTag.Modality),
            callingAeTitle?.Trim() ?? string.Empty,
            dataset.GetString(DicomTag.FrameOfReferenceUID),
            dataset.TryGetInt32(DicomTag.NumberOfSlices, out int slices) ? slices : null,
            PetGeometry.ExpectedInstanceCount(dataset, result.SopClassUid),
            _timeProvider.GetUtcNow());
        while (await _channel.Writer.WaitToWriteAsync(cancellationToken).ConfigureAwait(false))
        {
            if (_channel.Writer.TryWrite(announcement))
            {
                return;
            }
        }

        Interlocked.Increment(ref _dropped);
    }

    /// <summary>No more announcements are read; later ones are dropped.</summary>
    public void Complete() => _channel.Writer.TryComplete();
}
