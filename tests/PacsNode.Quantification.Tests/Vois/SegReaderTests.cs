using System.Buffers.Binary;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO.Buffers;
using PacsNode.Quantification.Tests.Support;
using PacsNode.Quantification.Vois;
using PacsNode.Quantification.Volume;
using Xunit;

namespace PacsNode.Quantification.Tests.Vois;

/// <summary>
/// A hand-built binary SEG on an 8×6×4 PET grid of 2 mm voxels (slice z at z·2 mm). Bits are packed across frames,
/// least significant bit first (PS3.5 8.1.1): pixel i of frame f is bit f·48 + i.
/// </summary>
public sealed class SegReaderTests
{
    private static readonly VolumeGeometry Grid = SyntheticVolume.Geometry(8, 6, 4, 2);

    private static readonly PetSeriesReference Pet = new("1.2.3", "1.2.3.4", [.. Enumerable.Range(0, 4).Select(z => $"2.25.{z}")]);

    [Fact]
    public async Task ReadAsync_TwoSegmentsOnThreeFrames_MapsFramesToSlicesByPosition()
    {
        DicomDataset seg = Segmentation("BINARY", "1.2.3.4", null, [(2, 1, [(1, 1), (2, 1)]), (4, 1, [(3, 4)]), (2, 2, [(7, 5)])]);

        VoiReadResult read = await SegReader.ReadAsync(seg, Grid, Pet, TestContext.Current.CancellationToken);

        Assert.True(read.IsSuccess, read.ToString());
        Assert.Equal(2, read.Vois.Count);
        Assert.Equal(("S1", "Tumour", VoiSource.Seg), (read.Vois[0].Id, read.Vois[0].Name, read.Vois[0].Source));
        // Slice 1: 1 + 8·1 + 48 = 57 and 58; slice 2: 3 + 8·4 + 96 = 131; segment 2: 7 + 8·5 + 48 = 95.
        Assert.Equal([57, 58, 131], read.Vois[0].Voxels);
        Assert.Equal([95], read.Vois[1].Voxels);
    }

    [Fact]
    public async Task ReadAsync_SegmentWithTrackingIdAndUid_CarriesThemOnItsVoiOnly()
    {
        // Segment 1 has Tracking ID (0062,0020) UT "T-LIVER-1 " (trailing pad) and Tracking UID (0062,0021) UI; segment 2 has neither.
        DicomDataset seg = Segmentation("BINARY", "1.2.3.4", null, [(2, 1, [(1, 1)]), (2, 2, [(7, 5)])],
            tracking: ("T-LIVER-1 ", "2.25.4242"));

        VoiReadResult read = await SegReader.ReadAsync(seg, Grid, Pet, TestContext.Current.CancellationToken);

        Assert.True(read.IsSuccess, read.ToString());
        Assert.Equal(("S1", "Tumour", "T-LIVER-1", "2.25.4242"), (read.Vois[0].Id, read.Vois[0].Name, read.Vois[0].TrackingIdentifier, read.Vois[0].TrackingUid));
        Assert.Equal(("S2", "Node"), (read.Vois[1].Id, read.Vois[1].Name));
        Assert.Null(read.Vois[1].TrackingIdentifier);
        Assert.Null(read.Vois[1].TrackingUid);
    }

    [Fact]
    public async Task ReadAsync_ReferenceThroughDerivationImageOnly_IsAccepted()
    {
        DicomDataset seg = Segmentation("BINARY", null, "2.25.1", [(2, 1, [(0, 0)])]);

        VoiReadResult read = await SegReader.ReadAsync(seg, Grid, Pet, TestContext.Current.CancellationToken);

        Assert.True(read.IsSuccess, read.ToString());
        Assert.Equal([48], read.Vois[0].Voxels);
    }

    [Fact]
    public async Task ReadAsync_OtherSeries_FailsWithSeriesMismatch()
    {
        DicomDataset seg = Segmentation("BINARY", "9.9.9", "9.9.9.1", [(2, 1, [(0, 0)])]);

        VoiReadResult read = await SegReader.ReadAsync(seg, Grid, Pet, TestContext.Current.CancellationToken);

        Assert.Equal(VoiFailureReason.SeriesMismatch, read.Reason);
    }

    [Fact]
    public async Task ReadAsync_FrameBetweenSlices_FailsWithSliceMismatch()
    {
        DicomDataset seg = Segmentation("BINARY", "1.2.3.4", null, [(3, 1, [(0, 0)])]);

        VoiReadResult read = await SegReader.ReadAsync(seg, Grid, Pet, TestContext.Current.CancellationToken);

        Assert.Equal(VoiFailureReason.SliceMismatch, read.Reason);
    }

    [Fact]
    public async Task ReadAsync_Fractional_FailsWithUnsupported()
    {
        DicomDataset seg = Segmentation("FRACTIONAL", "1.2.3.4", null, [(2, 1, [(0, 0)])]);

        VoiReadResult read = await SegReader.ReadAsync(seg, Grid, Pet, TestContext.Current.CancellationToken);

        Assert.Equal(VoiFailureReason.Unsupported, read.Reason);
    }

    private static DicomDataset Segmentation(
        string type, string? series, string? sourceImage, (double Z, int Segment, (int X, int Y)[] Pixels)[] frames, (string Id, string Uid)? tracking = null)
    {
        var seg = new DicomDataset();
        seg.SetString(DicomTag.SOPClassUID, DicomVR.UI, DicomUid.SegmentationStorage);
        seg.SetString(DicomTag.FrameOfReferenceUID, DicomVR.UI, "1.2.3");
        seg.SetString(DicomTag.SegmentationType, DicomVR.CS, type);
        seg.AddOrUpdate(UnsignedShort(DicomTag.Rows, 6));
        seg.AddOrUpdate(UnsignedShort(DicomTag.Columns, 8));
        seg.AddOrUpdate(UnsignedShort(DicomTag.BitsAllocated, 1));
        if (series is not null)
        {
            seg.AddOrUpdate(new DicomSequence(DicomTag.ReferencedSeriesSequence, [Item(DicomTag.SeriesInstanceUID, DicomVR.UI, series)]));
        }

        DicomDataset first = Segment(1, "Tumour");
        if (tracking is { } t)
        {
            first.SetString(DicomTag.TrackingID, DicomVR.UT, t.Id);
            first.SetString(DicomTag.TrackingUID, DicomVR.UI, t.Uid);
        }

        seg.AddOrUpdate(new DicomSequence(DicomTag.SegmentSequence, [first, Segment(2, "Node")]));
        var shared = new DicomDataset();
        shared.AddOrUpdate(new DicomSequence(DicomTag.PlaneOrientationSequence, [Item(DicomTag.ImageOrientationPatient, DicomVR.DS, "1\\0\\0\\0\\1\\0")]));
        shared.AddOrUpdate(new DicomSequence(DicomTag.PixelMeasuresSequence, [Item(DicomTag.PixelSpacing, DicomVR.DS, "2\\2")]));
        seg.AddOrUpdate(new DicomSequence(DicomTag.SharedFunctionalGroupsSequence, [shared]));
        byte[] bits = new byte[((frames.Length * 48) + 7) / 8];
        var perFrame = new List<DicomDataset>();
        for (int f = 0; f < frames.Length; f++)
        {
            var item = new DicomDataset();
            item.AddOrUpdate(new DicomSequence(DicomTag.PlanePositionSequence, [Item(DicomTag.ImagePositionPatient, DicomVR.DS, $"0\\0\\{frames[f].Z}")]));
            item.AddOrUpdate(new DicomSequence(DicomTag.SegmentIdentificationSequence, [new DicomDataset([UnsignedShort(DicomTag.ReferencedSegmentNumber, frames[f].Segment)])]));
            if (sourceImage is not null)
            {
                var derivation = new DicomDataset();
                derivation.AddOrUpdate(new DicomSequence(DicomTag.SourceImageSequence, [Item(DicomTag.ReferencedSOPInstanceUID, DicomVR.UI, sourceImage)]));
                item.AddOrUpdate(new DicomSequence(DicomTag.DerivationImageSequence, [derivation]));
            }

            perFrame.Add(item);
            foreach ((int x, int y) in frames[f].Pixels)
            {
                int bit = (f * 48) + x + (8 * y);
                bits[bit / 8] |= (byte)(1 << (bit % 8));
            }
        }

        seg.AddOrUpdate(new DicomSequence(DicomTag.PerFrameFunctionalGroupsSequence, perFrame));
        seg.AddOrUpdate(new DicomElement(DicomTag.PixelData, DicomVR.OB, DicomBuffer.FromBytes(bits)));
        return seg;
    }

    private static DicomDataset Segment(int number, string label)
    {
        var item = new DicomDataset([UnsignedShort(DicomTag.SegmentNumber, number)]);
        item.SetString(DicomTag.SegmentLabel, DicomVR.LO, label);
        return item;
    }

    private static DicomElement UnsignedShort(DicomTag tag, int value)
    {
        byte[] bytes = new byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, (ushort)value);
        return new DicomElement(tag, DicomVR.US, DicomBuffer.FromBytes(bytes));
    }

    private static DicomDataset Item(DicomTag tag, DicomVR vr, string value)
    {
        var item = new DicomDataset();
        item.SetString(tag, vr, value);
        return item;
    }
}
