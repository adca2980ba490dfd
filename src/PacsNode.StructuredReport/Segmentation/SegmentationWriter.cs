using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO;
using PacsNode.Dicom.IO.Buffers;
using PacsNode.StructuredReport.Content;
using PacsNode.StructuredReport.Documents;

namespace PacsNode.StructuredReport.Segmentation;

/// <summary>
/// Writes a binary Segmentation (1.2.840.10008.5.1.4.1.1.66.4, PS3.3 A.51) on the PET grid, Explicit VR Little Endian:
/// one frame per segment and slice that holds voxels of the segment (frames ordered by segment, then slice), bits
/// packed without padding between frames. A segment with no voxels still gets one empty frame, so every segment
/// of the Segment Sequence is present in the pixel data.
/// </summary>
public static class SegmentationWriter
{
    public static DicomFile Write(SegmentationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        SegmentationGeometry geometry = input.Geometry;
        Validate(input);
        List<SegmentationFrame> frames = SegmentationFrame.Plan(input.Segments, geometry);

        IEnumerable<string> texts = input.Segments
            .SelectMany(g => new[] { g.Label, g.Category.Meaning, g.Type.Meaning, g.AlgorithmName ?? string.Empty, g.TrackingId ?? string.Empty })
            .Concat([input.Document.SeriesDescription, input.ContentDescription ?? string.Empty, input.Device.Manufacturer, input.Device.ManufacturerModelName]);
        DicomDataset dataset = DocumentHeader.Create(input.Subject, texts);
        DocumentHeader.WriteSopCommon(dataset, DicomUid.SegmentationStorage, input.Document, input.ContentDateTime);
        dataset.SetString(DicomTag.ImageType, DicomVR.CS, "DERIVED\\PRIMARY");
        DocumentHeader.WritePatientAndStudy(dataset, input.Subject);
        DocumentHeader.WriteSeries(dataset, "SEG", input.Document, input.ContentDateTime);
        DocumentHeader.WriteEquipment(dataset, input.Device);
        dataset.SetString(DicomTag.FrameOfReferenceUID, DicomVR.UI, geometry.FrameOfReferenceUid);
        dataset.SetString(DicomTag.PositionReferenceIndicator, DicomVR.LO, string.Empty);
        WriteImage(dataset, input, frames.Count);
        SegmentationFunctionalGroups.Write(dataset, input, frames);
        WriteCommonInstanceReference(dataset, geometry, frames);
        dataset.AddOrUpdate(new DicomElement(DicomTag.PixelData, DicomVR.OB, DicomBuffer.FromBytes(SegmentationFrame.Pack(frames, geometry))));
        return new DicomFile(new DicomDataset(), dataset, DicomTransferSyntax.ExplicitVRLittleEndian);
    }

    private static void Validate(SegmentationInput input)
    {
        SegmentationGeometry g = input.Geometry;
        if (g.Rows <= 0 || g.Columns <= 0 || g.Slices.Count == 0 || g.ImageOrientationPatient.Count != 6)
        {
            throw new ArgumentException("The segmentation grid needs rows, columns, 6 orientation cosines and at least one slice.", nameof(input));
        }

        if (input.Segments.Count == 0)
        {
            throw new ArgumentException("A segmentation needs at least one segment.", nameof(input));
        }

        var numbers = new HashSet<int>();
        long voxelCount = (long)g.Rows * g.Columns * g.Slices.Count;
        foreach (SegmentDefinition segment in input.Segments)
        {
            if (segment.Number is < 1 or > ushort.MaxValue || !numbers.Add(segment.Number))
            {
                throw new ArgumentException($"Segment number {segment.Number} is out of range or used twice.", nameof(input));
            }

            if (segment.AlgorithmType != SegmentAlgorithmType.Manual && string.IsNullOrEmpty(segment.AlgorithmName))
            {
                throw new ArgumentException($"Segment {segment.Number} is {segment.AlgorithmType} and needs an algorithm name.", nameof(input));
            }

            if ((segment.TrackingId is null) != (segment.TrackingUid is null))
            {
                throw new ArgumentException($"Segment {segment.Number}: Tracking ID and Tracking UID go together (PS3.3 C.8.20.2).", nameof(input));
            }

            foreach (int v in segment.Voxels)
            {
                if (v < 0 || v >= voxelCount)
                {
                    throw new ArgumentException($"Segment {segment.Number} has voxel {v} outside the {g.Columns}×{g.Rows}×{g.Slices.Count} grid.", nameof(input));
                }
            }
        }
    }

    private static void WriteImage(DicomDataset dataset, SegmentationInput input, int frameCount)
    {
        Elements.UnsignedShort(dataset, DicomTag.SamplesPerPixel, 1);
        dataset.SetString(DicomTag.PhotometricInterpretation, DicomVR.CS, "MONOCHROME2");
        Elements.Integer(dataset, DicomTag.NumberOfFrames, frameCount);
        Elements.UnsignedShort(dataset, DicomTag.Rows, input.Geometry.Rows);
        Elements.UnsignedShort(dataset, DicomTag.Columns, input.Geometry.Columns);
        Elements.UnsignedShort(dataset, DicomTag.BitsAllocated, 1);
        Elements.UnsignedShort(dataset, DicomTag.BitsStored, 1);
        Elements.UnsignedShort(dataset, DicomTag.HighBit, 0);
        Elements.UnsignedShort(dataset, DicomTag.PixelRepresentation, 0);
        dataset.SetString(DicomTag.LossyImageCompression, DicomVR.CS, "00");
        dataset.SetString(DicomTag.ContentLabel, DicomVR.CS, input.ContentLabel);
        dataset.SetString(DicomTag.ContentDescription, DicomVR.LO, input.ContentDescription ?? string.Empty);
        dataset.SetString(DicomTag.ContentCreatorName, DicomVR.PN, string.Empty);
        dataset.SetString(DicomTag.SegmentationType, DicomVR.CS, "BINARY");
        Elements.Sequence(dataset, DicomTag.SegmentSequence, input.Segments.Select(s => SegmentItem(s, dataset)).ToList());
    }

    private static DicomDataset SegmentItem(SegmentDefinition segment, DicomDataset parent)
    {
        DicomDataset item = Elements.Item(parent);
        Elements.UnsignedShort(item, DicomTag.SegmentNumber, segment.Number);
        item.SetString(DicomTag.SegmentLabel, DicomVR.LO, segment.Label);
        CodeSequence.Write(item, DicomTag.SegmentedPropertyCategoryCodeSequence, segment.Category);
        CodeSequence.Write(item, DicomTag.SegmentedPropertyTypeCodeSequence, segment.Type);
        item.SetString(DicomTag.SegmentAlgorithmType, DicomVR.CS, segment.AlgorithmType.ToString().ToUpperInvariant());
        if (segment.AlgorithmName is not null)
        {
            // The version rides in the name: the Segmentation Algorithm Identification Sequence would also need an
            // Algorithm Family code (CID 7162), which this writer does not model.
            string name = segment.AlgorithmVersion is null ? segment.AlgorithmName : $"{segment.AlgorithmName} {segment.AlgorithmVersion}";
            item.SetString(DicomTag.SegmentAlgorithmName, DicomVR.LO, name);
        }

        if (segment.TrackingId is not null && segment.TrackingUid is not null)
        {
            item.SetString(DicomTag.TrackingID, DicomVR.UT, segment.TrackingId);
            item.SetString(DicomTag.TrackingUID, DicomVR.UI, segment.TrackingUid);
        }

        return item;
    }

    /// <summary>Common Instance Reference Module (PS3.3 C.12.2): the PET slices the frames derive from, in one series of the same study.</summary>
    private static void WriteCommonInstanceReference(DicomDataset dataset, SegmentationGeometry geometry, List<SegmentationFrame> frames)
    {
        DicomDataset series = Elements.Item(dataset);
        series.SetString(DicomTag.SeriesInstanceUID, DicomVR.UI, geometry.SourceSeriesInstanceUid);
        var instances = new List<DicomDataset>();
        foreach (int z in frames.Select(f => f.Slice).Distinct().Order())
        {
            DicomDataset sop = Elements.Item(series);
            sop.SetString(DicomTag.ReferencedSOPClassUID, DicomVR.UI, geometry.Slices[z].SopClassUid);
            sop.SetString(DicomTag.ReferencedSOPInstanceUID, DicomVR.UI, geometry.Slices[z].SopInstanceUid);
            instances.Add(sop);
        }

        Elements.Sequence(series, DicomTag.ReferencedInstanceSequence, instances);
        Elements.Sequence(dataset, DicomTag.ReferencedSeriesSequence, [series]);
    }
}
