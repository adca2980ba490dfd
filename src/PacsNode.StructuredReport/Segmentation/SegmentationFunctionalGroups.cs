using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.StructuredReport.Content;
using PacsNode.StructuredReport.Documents;

namespace PacsNode.StructuredReport.Segmentation;

/// <summary>
/// Multi-frame Functional Groups and Multi-frame Dimension modules of a SEG (PS3.3 C.7.6.16, C.7.6.17, A.51.5):
/// shared Pixel Measures and Plane Orientation; per frame Derivation Image (the PET slice), Frame Content with
/// Dimension Index Values (segment number, slice index), Plane Position and Segment Identification.
/// </summary>
internal static class SegmentationFunctionalGroups
{
    private static readonly Code Segmentation = new("113076", "DCM", "Segmentation");
    private static readonly Code SourceImage = new("121322", "DCM", "Source image for image processing operation");

    public static void Write(DicomDataset dataset, SegmentationInput input, List<SegmentationFrame> frames)
    {
        SegmentationGeometry geometry = input.Geometry;
        string dimensionUid = DimensionOrganizationUid(input.Document.SopInstanceUid);
        WriteDimensions(dataset, dimensionUid);

        DicomDataset shared = Elements.Item(dataset);
        DicomDataset measures = Elements.Item(shared);
        Elements.Decimals(measures, DicomTag.PixelSpacing, [geometry.RowSpacing, geometry.ColumnSpacing]);
        Elements.Decimal(measures, DicomTag.SliceThickness, geometry.SliceThickness);
        Elements.Decimal(measures, DicomTag.SpacingBetweenSlices, geometry.SpacingBetweenSlices);
        Elements.Sequence(shared, DicomTag.PixelMeasuresSequence, [measures]);
        DicomDataset orientation = Elements.Item(shared);
        Elements.Decimals(orientation, DicomTag.ImageOrientationPatient, geometry.ImageOrientationPatient);
        Elements.Sequence(shared, DicomTag.PlaneOrientationSequence, [orientation]);
        Elements.Sequence(dataset, DicomTag.SharedFunctionalGroupsSequence, [shared]);

        Elements.Sequence(dataset, DicomTag.PerFrameFunctionalGroupsSequence, frames.Select(f => Frame(f, geometry, dataset)).ToList());
    }

    private static DicomDataset Frame(SegmentationFrame frame, SegmentationGeometry geometry, DicomDataset parent)
    {
        SourceSlice slice = geometry.Slices[frame.Slice];
        DicomDataset item = Elements.Item(parent);

        DicomDataset derivation = Elements.Item(item);
        CodeSequence.Write(derivation, DicomTag.DerivationCodeSequence, Segmentation);
        DicomDataset source = Elements.Item(derivation);
        source.SetString(DicomTag.ReferencedSOPClassUID, DicomVR.UI, slice.SopClassUid);
        source.SetString(DicomTag.ReferencedSOPInstanceUID, DicomVR.UI, slice.SopInstanceUid);
        CodeSequence.Write(source, DicomTag.PurposeOfReferenceCodeSequence, SourceImage);
        Elements.Sequence(derivation, DicomTag.SourceImageSequence, [source]);
        Elements.Sequence(item, DicomTag.DerivationImageSequence, [derivation]);

        DicomDataset content = Elements.Item(item);
        Elements.UnsignedLongs(content, DicomTag.DimensionIndexValues, [frame.SegmentNumber, frame.Slice + 1]);
        Elements.Sequence(item, DicomTag.FrameContentSequence, [content]);

        DicomDataset position = Elements.Item(item);
        Elements.Decimals(position, DicomTag.ImagePositionPatient, [slice.X, slice.Y, slice.Z]);
        Elements.Sequence(item, DicomTag.PlanePositionSequence, [position]);

        DicomDataset segment = Elements.Item(item);
        Elements.UnsignedShort(segment, DicomTag.ReferencedSegmentNumber, frame.SegmentNumber);
        Elements.Sequence(item, DicomTag.SegmentIdentificationSequence, [segment]);
        return item;
    }

    private static void WriteDimensions(DicomDataset dataset, string dimensionUid)
    {
        DicomDataset organization = Elements.Item(dataset);
        organization.SetString(DicomTag.DimensionOrganizationUID, DicomVR.UI, dimensionUid);
        Elements.Sequence(dataset, DicomTag.DimensionOrganizationSequence, [organization]);
        Elements.Sequence(dataset, DicomTag.DimensionIndexSequence,
        [
            Dimension(dataset, dimensionUid, DicomTag.ReferencedSegmentNumber, DicomTag.SegmentIdentificationSequence, "ReferencedSegmentNumber"),
            Dimension(dataset, dimensionUid, DicomTag.ImagePositionPatient, DicomTag.PlanePositionSequence, "ImagePositionPatient"),
        ]);
    }

    private static DicomDataset Dimension(DicomDataset parent, string uid, DicomTag pointer, DicomTag group, string label)
    {
        DicomDataset item = Elements.Item(parent);
        item.SetString(DicomTag.DimensionOrganizationUID, DicomVR.UI, uid);
        Elements.AttributeTag(item, DicomTag.DimensionIndexPointer, pointer);
        Elements.AttributeTag(item, DicomTag.FunctionalGroupPointer, group);
        item.SetString(DicomTag.DimensionDescriptionLabel, DicomVR.LO, label);
        return item;
    }

    /// <summary>Derived from the SOP Instance UID, so that the same input always gives the same bytes.</summary>
    internal static string DimensionOrganizationUid(string sopInstanceUid) => DerivedUid.Create("dimension-organization", sopInstanceUid);
}
