using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO.Buffers;
using PacsNode.Pipeline.Announcements;
using PacsNode.Storage.Files;
using Xunit;

namespace PacsNode.Pipeline.Tests.Announcements;

public sealed class ChannelInstanceAnnouncerTests
{
    [Theory]
    [InlineData(StoreOutcome.Stored, true)]
    [InlineData(StoreOutcome.Replaced, true)]
    [InlineData(StoreOutcome.Duplicate, false)]
    [InlineData(StoreOutcome.Rejected, false)]
    [InlineData(StoreOutcome.OutOfResources, false)]
    public async Task AnnounceAsync_StoreOutcome_OnlyStoredAndReplacedAnnounced(StoreOutcome outcome, bool announced)
    {
        var clock = new ManualTimeProvider();
        var announcer = new ChannelInstanceAnnouncer(clock);

        await announcer.AnnounceAsync(" SCANNER ", Result(outcome, PetDataset(slices: 2)), TestContext.Current.CancellationToken);

        Assert.Equal(announced, announcer.Reader.TryRead(out InstanceAnnouncement? record));
        if (announced)
        {
            Assert.Equal(new InstanceAnnouncement("1.2", "1.2.3", "1.2.3.4", DicomUid.PositronEmissionTomographyImageStorage, "PT",
                "SCANNER", "1.2.9", 2, 2, clock.GetUtcNow()), record);
        }
    }

    [Fact]
    public async Task AnnounceAsync_ChannelFull_WaitsUntilTheReaderTakesOne()
    {
        var announcer = new ChannelInstanceAnnouncer(new ManualTimeProvider(), capacity: 1);
        CancellationToken ct = TestContext.Current.CancellationToken;
        await announcer.AnnounceAsync("A", Result(StoreOutcome.Stored, PetDataset(1)), ct);

        ValueTask second = announcer.AnnounceAsync("A", Result(StoreOutcome.Stored, PetDataset(1)), ct);
        Assert.False(second.IsCompleted);
        Assert.True(announcer.Reader.TryRead(out _));
        await second;
        Assert.True(announcer.Reader.TryRead(out _));
    }

    [Fact]
    public async Task AnnounceAsync_AfterComplete_DroppedAndCounted()
    {
        var announcer = new ChannelInstanceAnnouncer(new ManualTimeProvider());
        announcer.Complete();

        await announcer.AnnounceAsync("A", Result(StoreOutcome.Stored, PetDataset(1)), TestContext.Current.CancellationToken);

        Assert.Equal(1, announcer.Dropped);
    }

    [Theory]
    [InlineData("WHOLE BODY", null, null, null, 300)]
    [InlineData("STATIC", null, null, null, 300)]
    [InlineData("DYNAMIC", "10", null, null, 3000)]
    [InlineData("GATED", null, "8", "2", 4800)]
    [InlineData("DYNAMIC", null, null, null, null)]
    public void ExpectedInstanceCount_PetSeriesType_ImageIndexRange(string type, string? timeSlices, string? timeSlots, string? rrIntervals, int? expected)
    {
        DicomDataset dataset = PetDataset(300);
        dataset.SetString(DicomTag.SeriesType, DicomVR.CS, type + "\\IMAGE");
        Set(dataset, DicomTag.NumberOfTimeSlices, timeSlices);
        Set(dataset, DicomTag.NumberOfTimeSlots, timeSlots);
        Set(dataset, DicomTag.NumberOfRRIntervals, rrIntervals);

        Assert.Equal(expected, PetGeometry.ExpectedInstanceCount(dataset, DicomUid.PositronEmissionTomographyImageStorage));
    }

    [Fact]
    public void ExpectedInstanceCount_EnhancedPet_NoCount()
    {
        Assert.Null(PetGeometry.ExpectedInstanceCount(PetDataset(300), DicomUid.EnhancedPETImageStorage));
    }

    private static void Set(DicomDataset dataset, DicomTag tag, string? value)
    {
        if (value is not null)
        {
            SetUS(dataset, tag, ushort.Parse(value, System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private static void SetUS(DicomDataset dataset, DicomTag tag, ushort value)
    {
        var bytes = new byte[2];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt16LittleEndian(bytes, value);
        dataset.AddOrUpdate(new DicomElement(tag, DicomVR.US, DicomBuffer.FromBytes(bytes)));
    }

    private static DicomDataset PetDataset(int slices)
    {
        var dataset = new DicomDataset();
        dataset.SetString(DicomTag.Modality, DicomVR.CS, "PT");
        dataset.SetString(DicomTag.FrameOfReferenceUID, DicomVR.UI, "1.2.9");
        SetUS(dataset, DicomTag.NumberOfSlices, (ushort)slices);
        return dataset;
    }

    private static StoreResult Result(StoreOutcome outcome, DicomDataset dataset) =>
        new(outcome, "/data/x.dcm", "1.2", "1.2.3", "1.2.3.4", DicomUid.PositronEmissionTomographyImageStorage,
            DicomUid.ExplicitVRLittleEndian, 100, dataset);
}
