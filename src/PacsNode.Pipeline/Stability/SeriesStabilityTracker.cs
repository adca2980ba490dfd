using PacsNode.Pipeline.Announcements;
using PacsNode.Pipeline.Jobs;

namespace PacsNode.Pipeline.Stability;

/// <summary>
/// Decides when a series that can make a job (<see cref="JobClassifier"/>) is complete. The rule, whichever comes
/// first:
/// <list type="bullet">
/// <item>quiet: no instance of the same <em>study</em> (of any series, the CT too) was announced for the quiet time of
/// the calling AE of the series' last instance (<see cref="StabilitySettings"/>). The study, not the series, so that
/// a PET series sent before its CT waits for the CT it will be quantified with;</item>
/// <item>expected count: the series holds as many distinct instances as it announced
/// (<see cref="InstanceAnnouncement.ExpectedInstanceCount"/>, classic PET only).</item>
/// </list>
/// A series declared ready is forgotten; a later instance of it starts tracking it again (and, once ready, a new job
/// with a new fingerprint). Single-threaded: the pipeline's announcement reader owns it. Time comes only from the
/// <see cref="TimeProvider"/>.
/// </summary>
public sealed class SeriesStabilityTracker
{
    private readonly StabilitySettings _settings;
    private readonly TimeProvider _timeProvider;
    private readonly Dictionary<string, StudyState> _studies = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SeriesState> _series = new(StringComparer.Ordinal);

    public SeriesStabilityTracker(StabilitySettings settings, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _settings = settings;
        _timeProvider = timeProvider;
    }

    /// <summary>Series being tracked (not yet ready).</summary>
    public int TrackedSeries => _series.Count;

    /// <summary>
    /// Records an announcement; returns true when it completed its series' expected count (call
    /// <see cref="TakeReady"/> now rather than at the next tick).
    /// </summary>
    public bool Observe(InstanceAnnouncement announcement)
    {
        ArgumentNullException.ThrowIfNull(announcement);
        _studies.TryGetValue(announcement.StudyInstanceUid, out StudyState? study);
        if (JobClassifier.KindOf(announcement.SopClassUid) is null)
        {
            // Another series of a study being tracked (the CT) keeps the study from being quiet.
            study?.Touch(announcement.ReceivedAt);
            return false;
        }

        if (study is null)
        {
            study = new StudyState();
            _studies.Add(announcement.StudyInstanceUid, study);
        }

        study.Touch(announcement.ReceivedAt);
        if (!_series.TryGetValue(announcement.SeriesInstanceUid, out SeriesState? series))
        {
            series = new SeriesState(announcement.StudyInstanceUid, announcement.SeriesInstanceUid);
            _series.Add(announcement.SeriesInstanceUid, series);
            study.Series.Add(announcement.SeriesInstanceUid);
        }

        series.Observe(announcement);
        return series.ExpectedCountReached;
    }

    /// <summary>Adds a series found in the index at startup as if its instances had all just arrived.</summary>
    public void Resume(string studyInstanceUid, string seriesInstanceUid, DateTimeOffset lastReceivedAt)
    {
        DateTimeOffset now = _timeProvider.GetUtcNow();
        if (!_studies.TryGetValue(studyInstanceUid, out StudyState? study))
        {
            study = new StudyState();
            _studies.Add(studyInstanceUid, study);
        }

        study.Touch(now);
        if (!_series.TryGetValue(seriesInstanceUid, out SeriesState? series))
        {
            series = new SeriesState(studyInstanceUid, seriesInstanceUid);
            _series.Add(seriesInstanceUid, series);
            study.Series.Add(seriesInstanceUid);
        }

        series.LastReceivedAt = series.LastReceivedAt > lastReceivedAt ? series.LastReceivedAt : lastReceivedAt;
    }

    /// <summary>Removes and returns the series that are ready now.</summary>
    public IReadOnlyList<ReadySeries> TakeReady()
    {
        DateTimeOffset now = _timeProvider.GetUtcNow();
        List<ReadySeries>? ready = null;
        foreach (SeriesState series in _series.Values)
        {
            StudyState study = _studies[series.StudyInstanceUid];
            ReadinessReason? reason = series.ExpectedCountReached
                ? ReadinessReason.ExpectedCount
                : now - study.LastReceivedAt >= _settings.QuietTimeFor(series.CallingAeTitle) ? ReadinessReason.Quiet : null;
            if (reason is { } r)
            {
                (ready ??= []).Add(new ReadySeries(series.StudyInstanceUid, series.SeriesInstanceUid, series.CallingAeTitle,
                    series.LastReceivedAt, now, r, series.InstancesSeen));
            }
        }

        if (ready is null)
        {
            return [];
        }

        foreach (ReadySeries series in ready)
        {
            _series.Remove(series.SeriesInstanceUid);
            StudyState study = _studies[series.StudyInstanceUid];
            study.Series.Remove(series.SeriesInstanceUid);
            if (study.Series.Count == 0)
            {
                _studies.Remove(series.StudyInstanceUid);
            }
        }

        return ready;
    }

    private sealed class StudyState
    {
        public DateTimeOffset LastReceivedAt { get; private set; } = DateTimeOffset.MinValue;

        public HashSet<string> Series { get; } = new(StringComparer.Ordinal);

        public void Touch(DateTimeOffset at) => LastReceivedAt = at > LastReceivedAt ? at : LastReceivedAt;
    }

    private sealed class SeriesState(string studyInstanceUid, string seriesInstanceUid)
    {
        private readonly HashSet<string> _instances = new(StringComparer.Ordinal);
        private int? _expected;

        public string StudyInstanceUid { get; } = studyInstanceUid;

        public string SeriesInstanceUid { get; } = seriesInstanceUid;

        public string? CallingAeTitle { get; private set; }

        public DateTimeOffset LastReceivedAt { get; set; } = DateTimeOffset.MinValue;

        public int InstancesSeen => _instances.Count;

        public bool ExpectedCountReached => _expected is { } expected && _instances.Count >= expected;

        public void Observe(InstanceAnnouncement announcement)
        {
            _instances.Add(announcement.SopInstanceUid);
            CallingAeTitle = announcement.CallingAeTitle;
            LastReceivedAt = announcement.ReceivedAt > LastReceivedAt ? announcement.ReceivedAt : LastReceivedAt;
            if (announcement.ExpectedInstanceCount is { } expected)
            {
                _expected = Math.Max(_expected ?? 0, expected);
            }
        }
    }
}
