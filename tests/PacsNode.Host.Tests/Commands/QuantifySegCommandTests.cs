using System.Buffers.Binary;
using System.Text.Json;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO;
using PacsNode.Dicom.IO.Buffers;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Host.Tests.Commands;

/// <summary>
/// <c>quantify --seg</c> end to end: a one-frame binary SEG written to disk over IBSI DRO_0_0, marking the 3×3 block
/// of slice 5 (z = 20 mm) around the DRO's maximum voxel (158, 128, 5), which holds SUV 4.00.
/// </summary>
public sealed class QuantifySegCommandTests
{
    [Fact]
    public async Task Quantify_DroWithHandMadeSeg_MeasuresTheNineMarkedVoxels()
    {
        RequiresTool.SharedTestData();
        CancellationToken ct = TestContext.Current.CancellationToken;
        string pet = TestData.Path("ibsi-suv-dro", "DRO", "DRO_0_0", "PT");
        DicomDataset slice = (await DicomFile.OpenAsync(Directory.GetFiles(pet).Order(StringComparer.Ordinal).First(), null, ct)).Dataset;
        using var folder = new TempDirectory();
        string path = folder.Combine("seg.dcm");
        await new DicomFile(new DicomDataset(), Seg(slice), DicomTransferSyntax.ExplicitVRLittleEndian).SaveAsync(path, cancellationToken: ct);

        ToolResult result = await PacsNodeCli.RunAsync(["quantify", pet, "--seg", path, "--json"], cancellationToken: ct);

        result.AssertSuccess();
        using var json = JsonDocument.Parse(result.StandardOutput);
        JsonElement voi = Assert.Single(json.RootElement.GetProperty("vois").EnumerateArray());
        Assert.Equal(("S1", "seg", "hot"), (voi.GetProperty("id").GetString(), voi.GetProperty("source").GetString(), voi.GetProperty("name").GetString()));
        Assert.Equal(9, voi.GetProperty("voxels").GetInt32());
        Assert.Equal(9 * 0.064, voi.GetProperty("mtvMl").GetDouble(), 1e-9);
        Assert.Equal(4.00, Math.Round(voi.GetProperty("suvMax").GetDouble(), 2));
        Assert.Equal([632.0, 512.0, 20.0], voi.GetProperty("suvMaxMm").EnumerateArray().Select(e => e.GetDouble()));
    }

    private static DicomDataset Seg(DicomDataset pet)
    {
        var seg = new DicomDataset();
        seg.SetString(DicomTag.SOPClassUID, DicomVR.UI, DicomUid.SegmentationStorage);
        seg.SetString(DicomTag.SOPInstanceUID, DicomVR.UI, "2.25.4242");
        seg.SetString(DicomTag.Modality, DicomVR.CS, "SEG");
        seg.SetString(DicomTag.FrameOfReferenceUID, DicomVR.UI, pet.GetString(DicomTag.FrameOfReferenceUID)!);
        seg.SetString(DicomTag.SegmentationType, DicomVR.CS, "BINARY");
        seg.AddOrUpdate(UnsignedShort(DicomTag.Rows, 256));
        seg.AddOrUpdate(UnsignedShort(DicomTag.Columns, 256));
        seg.AddOrUpdate(UnsignedShort(DicomTag.BitsAllocated, 1));
        seg.AddOrUpdate(new DicomSequence(DicomTag.ReferencedSeriesSequence, [Item(DicomTag.SeriesInstanceUID, DicomVR.UI, pet.GetString(DicomTag.SeriesInstanceUID)!)]));
        var segment = new DicomDataset([UnsignedShort(DicomTag.SegmentNumber, 1)]);
        segment.SetString(DicomTag.SegmentLabel, DicomVR.LO, "hot");
        seg.AddOrUpdate(new DicomSequence(DicomTag.SegmentSequence, [segment]));
        var shared = new DicomDataset();
        shared.AddOrUpdate(new DicomSequence(DicomTag.PlaneOrientationSequence, [Item(DicomTag.ImageOrientationPatient, DicomVR.DS, "1\\0\\0\\0\\1\\0")]));
        shared.AddOrUpdate(new DicomSequence(DicomTag.PixelMeasuresSequence, [Item(DicomTag.PixelSpacing, DicomVR.DS, "4\\4")]));
        seg.AddOrUpdate(new DicomSequence(DicomTag.SharedFunctionalGroupsSequence, [shared]));
        var frame = new DicomDataset();
        frame.AddOrUpdate(new DicomSequence(DicomTag.PlanePositionSequence, [Item(DicomTag.ImagePositionPatient, DicomVR.DS, "0\\0\\20")]));
        frame.AddOrUpdate(new DicomSequence(DicomTag.SegmentIdentificationSequence, [new DicomDataset([UnsignedShort(DicomTag.ReferencedSegmentNumber, 1)])]));
        seg.AddOrUpdate(new DicomSequence(DicomTag.PerFrameFunctionalGroupsSequence, [frame]));
        byte[] bits = new byte[256 * 256 / 8];
        for (int y = 127; y <= 129; y++)
        {
            for (int x = 157; x <= 159; x++)
            {
                int bit = x + (256 * y);
                bits[bit / 8] |= (byte)(1 << (bit % 8));
            }
        }

        seg.AddOrUpdate(new DicomElement(DicomTag.PixelData, DicomVR.OB, DicomBuffer.FromBytes(bits)));
        return seg;
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
