using PacsNode.Quantification.Assessment;
using PacsNode.Quantification.Lesions;
using PacsNode.Quantification.Vois;
using Xunit;

namespace PacsNode.Quantification.Tests.Assessment;

/// <summary>The one identifier rule for reader VOIs: SEG Tracking ID, else Segment Label / ROI Name, else the VOI id.</summary>
public sealed class ReaderTrackingTests
{
    private static readonly VoiMetrics Metrics = new()
    {
        VoxelCount = 1,
        SuvMax = 1,
        SuvMaxVoxel = (0, 0, 0),
        SuvMaxMm = new(0, 0, 0),
        SuvMean = 1,
        SuvMin = 1,
        SuvMedian = 1,
        SuvSd = 0,
        SuvPeak = 1,
        SuvPeakCentreMm = new(0, 0, 0),
        MtvMl = 1,
    };

    [Fact]
    public void Of_SegWithTrackingId_UsesTrackingIdAndUidOverLabel()
    {
        var voi = new Voi("S3", VoiSource.Seg, "Liver lesion", [1, 2]) { TrackingIdentifier = "T-LIVER-1", TrackingUid = "2.25.77" };

        Assert.Equal(new ReaderTracking("T-LIVER-1", "2.25.77"), ReaderTracking.Of(voi));
    }

    [Fact]
    public void Of_RtStructRoi_UsesTrimmedRoiNameAndNoUid()
    {
        Assert.Equal(new ReaderTracking("GTV node", null), ReaderTracking.Of(new Voi("R2", VoiSource.RtStruct, "  GTV node ", [5])));
    }

    [Fact]
    public void Of_BlankName_FallsBackToVoiId()
    {
        Assert.Equal(new ReaderTracking("S1", null), ReaderTracking.Of(new Voi("S1", VoiSource.Seg, "   ", [5])));
    }

    [Fact]
    public void Of_Quantification_MapsReaderVoisByIdAndLeavesAutomaticOnesOut()
    {
        MeasuredVoi[] vois =
        [
            new(new Voi("L1", VoiSource.Auto, "lesion", [1]), Metrics),
            new(new Voi("S1", VoiSource.Seg, "Node", [2]) { TrackingIdentifier = "T-7", TrackingUid = "2.25.7" }, Metrics),
            new(new Voi("S2", VoiSource.Seg, "Lung", [3]), Metrics),
        ];

        IReadOnlyDictionary<string, ReaderTracking> map = ReaderTracking.Of(vois);

        Assert.Equal(["S1", "S2"], map.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(new ReaderTracking("T-7", "2.25.7"), map["S1"]);
        Assert.Equal(new ReaderTracking("Lung", null), map["S2"]);
    }
}
