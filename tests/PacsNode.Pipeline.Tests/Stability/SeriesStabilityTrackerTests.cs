using PacsNode.Dicom.Dictionary;
using PacsNode.Pipeline.Announcements;
using PacsNode.Pipeline.Stability;
using Xunit;

namespace PacsNode.Pipeline.Tests.Stability;

public sealed class SeriesStabilityTrackerTests
{
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(30);

    [Fact]
    public void TakeReady_StudyQuietForTheQuietTime_SeriesReadyOnceWithItsWait()
    {
        var clock = new ManualTimeProvider();
        var tracker = new SeriesStabilityTracker(new StabilitySettings { DefaultQuietTime = Quiet }, clock);
        DateTimeOffset last = clock.GetUtcNow();
        for (int i = 0; i < 3; i++)
        {
            Assert.False(tracker.Observe(Pet("S1", "PET1", $"1.{i}", last)));
        }

        clock.Advance(Quiet - TimeSpan.FromMilliseconds(1));
        Assert.Empty(tracker.TakeReady());

        clock.Advance(TimeSpan.FromMilliseconds(1));
        ReadySeries ready = Assert.Single(tracker.TakeReady());
        Assert.Equal(("S1", "PET1", ReadinessReason.Quiet, 3), (ready.StudyInstanceUid, ready.SeriesInstanceUid, ready.Reason, ready.InstancesSeen));
        Assert.Equal(Quiet, ready.ReadyAt - ready.LastReceivedAt);
        Assert.Equal("SCANNER", ready.CallingAeTitle);

        clock.Advance(Quiet);
        Assert.Empty(tracker.TakeReady());
        Assert.Equal(0, tracker.TrackedSeries);
    }

    [Fact]
    public void TakeReady_AnotherSeriesOfTheStudyStillArriving_PetWaitsForIt()
    {
        var clock = new ManualTimeProvider();
        var tracker = new SeriesStabilityTracker(new StabilitySettings { DefaultQuietTime = Quiet }, clock);
        tracker.Observe(Pet("S1", "PET1", "1.1", clock.GetUtcNow()));

        clock.Advance(TimeSpan.FromSeconds(20));
        tracker.Observe(new InstanceAnnouncement("S1", "CT1", "2.1", DicomUid.CTImageStorage, "CT", "SCANNER", "F1", null, null, clock.GetUtcNow()));
        clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Empty(tracker.TakeReady());

        clock.Advance(TimeSpan.FromSeconds(10));
        ReadySeries ready = Assert.Single(tracker.TakeReady());
        Assert.Equal("PET1", ready.SeriesInstanceUid);
    }

    [Fact]
    public void Observe_ExpectedCountReached_ReadyAtOnceBeforeTheQuietTime()
    {
        var clock = new ManualTimeProvider();
        var tracker = new SeriesStabilityTracker(new StabilitySettings { DefaultQuietTime = Quiet }, clock);
        Assert.False(tracker.Observe(Pet("S1", "PET1", "1.1", clock.GetUtcNow(), expected: 3)));
        Assert.False(tracker.Observe(Pet("S1", "PET1", "1.2", clock.GetUtcNow(), expected: 3)));

        // A resent instance is not a new one.
        Assert.False(tracker.Observe(Pet("S1", "PET1", "1.2", clock.GetUtcNow(), expected: 3)));
        Assert.Empty(tracker.TakeReady());

        Assert.True(tracker.Observe(Pet("S1", "PET1", "1.3", clock.GetUtcNow(), expected: 3)));
        ReadySeries ready = Assert.Single(tracker.TakeReady());
        Assert.Equal((ReadinessReason.ExpectedCount, 3, TimeSpan.Zero), (ready.Reason, ready.InstancesSeen, ready.ReadyAt - ready.LastReceivedAt));
    }

    [Fact]
    public void TakeReady_QuietTimeOfTheCallingAe_OverridesTheDefault()
    {
        var clock = new ManualTimeProvider();
        var settings = new StabilitySettings
        {
            DefaultQuietTime = Quiet,
            QuietTimeByCallingAe = new Dictionary<string, TimeSpan>(StringComparer.Ordinal) { ["FAST"] = TimeSpan.FromSeconds(2) },
        };
        var tracker = new SeriesStabilityTracker(settings, clock);
        tracker.Observe(Pet("S1", "PET1", "1.1", clock.GetUtcNow()) with { CallingAeTitle = "FAST" });
        tracker.Observe(Pet("S2", "PET2", "2.1", clock.GetUtcNow()));

        clock.Advance(TimeSpan.FromSeconds(2));
        ReadySeries ready = Assert.Single(tracker.TakeReady());
        Assert.Equal(("PET1", "FAST"), (ready.SeriesInstanceUid, ready.CallingAeTitle));

        clock.Advance(Quiet - TimeSpan.FromSeconds(2));
        Assert.Equal("PET2", Assert.Single(tracker.TakeReady()).SeriesInstanceUid);
    }

    [Fact]
    public void Observe_SeriesThatMakesNoJob_IsNotTracked()
    {
        var clock = new ManualTimeProvider();
        var tracker = new SeriesStabilityTracker(new StabilitySettings { DefaultQuietTime = Quiet }, clock);
        tracker.Observe(new InstanceAnnouncement("S1", "CT1", "2.1", DicomUid.CTImageStorage, "CT", "SCANNER", "F1", null, null, clock.GetUtcNow()));
        clock.Advance(Quiet);
        Assert.Empty(tracker.TakeReady());
        Assert.Equal(0, tracker.TrackedSeries);
    }

    [Fact]
    public void Observe_LateInstanceAfterReady_TracksTheSeriesAgain()
    {
        var clock = new ManualTimeProvider();
        var tracker = new SeriesStabilityTracker(new StabilitySettings { DefaultQuietTime = Quiet }, clock);
        tracker.Observe(Pet("S1", "PET1", "1.1", clock.GetUtcNow()));
        clock.Advance(Quiet);
        Assert.Single(tracker.TakeReady());

        tracker.Observe(Pet("S1", "PET1", "1.2", clock.GetUtcNow()));
        clock.Advance(Quiet);
        ReadySeries again = Assert.Single(tracker.TakeReady());
        Assert.Equal(1, again.InstancesSeen);
    }

    [Fact]
    public void Resume_SeriesFromBeforeARestart_ReadyAQuietTimeAfterStartup()
    {
        var clock = new ManualTimeProvider();
        var tracker = new SeriesStabilityTracker(new StabilitySettings { DefaultQuietTime = Quiet }, clock);
        DateTimeOffset received = clock.GetUtcNow() - TimeSpan.FromHours(1);
        tracker.Resume("S1", "PET1", received);
        Assert.Empty(tracker.TakeReady());

        clock.Advance(Quiet);
        ReadySeries ready = Assert.Single(tracker.TakeReady());
        Assert.Equal((received, (string?)null), (ready.LastReceivedAt, ready.CallingAeTitle));
    }

    private static InstanceAnnouncement Pet(string study, string series, string sop, DateTimeOffset at, int? expected = null) =>
        new(study, series, sop, DicomUid.PositronEmissionTomographyImageStorage, "PT", "SCANNER", "F1", expected, expected, at);
}
