using PacsNode.Dicom.Data;
using PacsNode.Dicom.Data.Values;
using PacsNode.Dicom.Dictionary;

namespace PacsNode.StructuredReport.Content;

/// <summary>
/// Encodes a content tree into the SR Document Content Module (PS3.3 C.17.3): the root's attributes go into the
/// document dataset itself, each child into an item of its parent's Content Sequence.
/// </summary>
internal static class ContentTreeWriter
{
    public static void WriteRoot(ContentItem root, DicomDataset document)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(document);
        if (root.ValueType != ContentValueType.Container || root.Relationship is not null)
        {
            throw new ArgumentException("The root of an SR document is a CONTAINER without relationship.", nameof(root));
        }

        WriteBody(root, document);
    }

    private static DicomDataset WriteChild(ContentItem item, DicomDataset parent)
    {
        if (item.Relationship is not { } relationship)
        {
            throw new ArgumentException($"Content item {item.Concept} below the root has no relationship type.", nameof(item));
        }

        DicomDataset dataset = Elements.Item(parent);
        dataset.SetString(DicomTag.RelationshipType, DicomVR.CS, Text(relationship));
        WriteBody(item, dataset);
        return dataset;
    }

    private static void WriteBody(ContentItem item, DicomDataset dataset)
    {
        dataset.SetString(DicomTag.ValueType, DicomVR.CS, Text(item.ValueType));
        if (item.Concept is not null)
        {
            CodeSequence.Write(dataset, DicomTag.ConceptNameCodeSequence, item.Concept);
        }

        switch (item.ValueType)
        {
            case ContentValueType.Container:
                dataset.SetString(DicomTag.ContinuityOfContent, DicomVR.CS, "SEPARATE");
                WriteTemplate(item, dataset);
                break;
            case ContentValueType.Text:
                dataset.SetString(DicomTag.TextValue, DicomVR.UT, Require(item.Text, item));
                break;
            case ContentValueType.Code:
                CodeSequence.Write(dataset, DicomTag.ConceptCodeSequence, item.CodeValue ?? throw Missing(item));
                break;
            case ContentValueType.Num:
                WriteNumber(item, dataset);
                break;
            case ContentValueType.UidRef:
                dataset.SetString(DicomTag.UID, DicomVR.UI, Require(item.Text, item));
                break;
            case ContentValueType.DateTime:
                dataset.SetString(DicomTag.DateTime, DicomVR.DT, Require(item.Text, item));
                break;
            case ContentValueType.Date:
                dataset.SetString(DicomTag.Date, DicomVR.DA, Require(item.Text, item));
                break;
            case ContentValueType.Time:
                dataset.SetString(DicomTag.Time, DicomVR.TM, Require(item.Text, item));
                break;
            case ContentValueType.PName:
                dataset.SetString(DicomTag.PersonName, DicomVR.PN, Require(item.Text, item));
                break;
            case ContentValueType.Image:
            case ContentValueType.Composite:
                WriteReference(item.Reference ?? throw Missing(item), dataset);
                break;
            default:
                throw new ArgumentException($"Value type {item.ValueType} cannot be written.", nameof(item));
        }

        if (item.Children.Count > 0)
        {
            Elements.Sequence(dataset, DicomTag.ContentSequence, item.Children.Select(c => WriteChild(c, dataset)).ToList());
        }
    }

    /// <summary>Content Template Sequence (PS3.3 C.18.8.1.1): the DCMR template this container starts.</summary>
    private static void WriteTemplate(ContentItem item, DicomDataset dataset)
    {
        if (item.TemplateIdentifier is not null)
        {
            DicomDataset template = Elements.Item(dataset);
            template.SetString(DicomTag.MappingResource, DicomVR.CS, "DCMR");
            template.SetString(DicomTag.TemplateIdentifier, DicomVR.CS, item.TemplateIdentifier);
            Elements.Sequence(dataset, DicomTag.ContentTemplateSequence, [template]);
        }
    }

    private static void WriteNumber(ContentItem item, DicomDataset dataset)
    {
        if (item.Number is not { } value || item.Unit is null)
        {
            throw Missing(item);
        }

        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"NUM {item.Concept} has the non-finite value {value}.", nameof(item));
        }

        DicomDataset measured = Elements.Item(dataset);
        CodeSequence.Write(measured, DicomTag.MeasurementUnitsCodeSequence, item.Unit);
        measured.SetString(DicomTag.NumericValue, DicomVR.DS, DicomDecimalString.Format(value));

        // DS holds at most 16 characters; the full double goes alongside (PS3.3 C.18.1, Floating Point Value).
        Elements.Double(measured, DicomTag.FloatingPointValue, value);
        Elements.Sequence(dataset, DicomTag.MeasuredValueSequence, [measured]);
    }

    private static void WriteReference(ContentReference reference, DicomDataset dataset)
    {
        DicomDataset sop = Elements.Item(dataset);
        sop.SetString(DicomTag.ReferencedSOPClassUID, DicomVR.UI, reference.SopClassUid);
        sop.SetString(DicomTag.ReferencedSOPInstanceUID, DicomVR.UI, reference.SopInstanceUid);
        if (reference.SegmentNumber is { } segment)
        {
            Elements.UnsignedShort(sop, DicomTag.ReferencedSegmentNumber, segment);
        }

        Elements.Sequence(dataset, DicomTag.ReferencedSOPSequence, [sop]);
    }

    private static string Require(string? text, ContentItem item) => text ?? throw Missing(item);

    private static ArgumentException Missing(ContentItem item) =>
        new($"{item.ValueType} item {item.Concept} has no value.", nameof(item));

    public static string Text(ContentValueType type) => type switch
    {
        ContentValueType.Container => "CONTAINER",
        ContentValueType.Text => "TEXT",
        ContentValueType.Code => "CODE",
        ContentValueType.Num => "NUM",
        ContentValueType.UidRef => "UIDREF",
        ContentValueType.DateTime => "DATETIME",
        ContentValueType.Date => "DATE",
        ContentValueType.Time => "TIME",
        ContentValueType.PName => "PNAME",
        ContentValueType.Image => "IMAGE",
        ContentValueType.Composite => "COMPOSITE",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "no DICOM value type"),
    };

    public static string Text(RelationshipType type) => type switch
    {
        RelationshipType.Contains => "CONTAINS",
        RelationshipType.HasProperties => "HAS PROPERTIES",
        RelationshipType.HasObsContext => "HAS OBS CONTEXT",
        RelationshipType.HasAcqContext => "HAS ACQ CONTEXT",
        RelationshipType.HasConceptMod => "HAS CONCEPT MOD",
        RelationshipType.InferredFrom => "INFERRED FROM",
        RelationshipType.SelectedFrom => "SELECTED FROM",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "no DICOM relationship type"),
    };
}
