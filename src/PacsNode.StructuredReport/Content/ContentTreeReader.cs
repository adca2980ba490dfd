using System.Buffers.Binary;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Data.Values;
using PacsNode.Dicom.Dictionary;

namespace PacsNode.StructuredReport.Content;

/// <summary>
/// Decodes the SR Document Content Module into a <see cref="ContentItem"/> tree, leniently: value types it does not
/// model become <see cref="ContentValueType.Other"/> (children still read), by-reference items (no Value Type) are
/// skipped, and malformed values are left null rather than failing the whole document.
/// </summary>
internal static class ContentTreeReader
{
    private const int MaxDepth = 64;

    public static ContentItem ReadRoot(DicomDataset document) => Read(document, null, 0);

    private static ContentItem Read(DicomDataset dataset, RelationshipType? relationship, int depth)
    {
        ContentValueType type = ParseValueType(dataset.GetString(DicomTag.ValueType));
        var children = new List<ContentItem>();
        if (depth < MaxDepth)
        {
            foreach (DicomDataset child in dataset.GetSequence(DicomTag.ContentSequence)?.Items ?? [])
            {
                if (child.GetString(DicomTag.ValueType) is null)
                {
                    continue;
                }

                children.Add(Read(child, ParseRelationship(child.GetString(DicomTag.RelationshipType)), depth + 1));
            }
        }

        return new ContentItem
        {
            ValueType = type,
            Relationship = relationship,
            Concept = CodeSequence.Read(dataset, DicomTag.ConceptNameCodeSequence),
            Text = type switch
            {
                ContentValueType.Text => dataset.GetString(DicomTag.TextValue),
                ContentValueType.UidRef => dataset.GetString(DicomTag.UID),
                ContentValueType.DateTime => dataset.GetString(DicomTag.DateTime),
                ContentValueType.Date => dataset.GetString(DicomTag.Date),
                ContentValueType.Time => dataset.GetString(DicomTag.Time),
                ContentValueType.PName => dataset.GetString(DicomTag.PersonName),
                _ => null,
            },
            CodeValue = type == ContentValueType.Code ? CodeSequence.Read(dataset, DicomTag.ConceptCodeSequence) : null,
            Number = type == ContentValueType.Num ? ReadNumber(dataset) : null,
            Unit = type == ContentValueType.Num ? ReadUnit(dataset) : null,
            Reference = type is ContentValueType.Image or ContentValueType.Composite ? ReadReference(dataset) : null,
            TemplateIdentifier = dataset.GetSequence(DicomTag.ContentTemplateSequence)?.Items.FirstOrDefault()?.GetString(DicomTag.TemplateIdentifier),
            Children = children,
        };
    }

    /// <summary>The measured value: the Floating Point Value when present (full precision), else the DS Numeric Value.</summary>
    private static double? ReadNumber(DicomDataset dataset)
    {
        DicomDataset? measured = dataset.GetSequence(DicomTag.MeasuredValueSequence)?.Items.FirstOrDefault();
        if (measured is null)
        {
            return null;
        }

        if (measured.Get(DicomTag.FloatingPointValue) is DicomElement { Length: 8 } fd && fd.Buffer.IsInMemory)
        {
            return BinaryPrimitives.ReadDoubleLittleEndian(fd.Buffer.Span);
        }

        string? text = measured.GetString(DicomTag.NumericValue);
        return text is not null && DicomDecimalString.TryParse(text, out double value) ? value : null;
    }

    private static Code? ReadUnit(DicomDataset dataset) =>
        dataset.GetSequence(DicomTag.MeasuredValueSequence)?.Items.FirstOrDefault() is { } measured
            ? CodeSequence.Read(measured, DicomTag.MeasurementUnitsCodeSequence)
            : null;

    private static ContentReference? ReadReference(DicomDataset dataset)
    {
        DicomDataset? sop = dataset.GetSequence(DicomTag.ReferencedSOPSequence)?.Items.FirstOrDefault();
        string? sopClass = sop?.GetString(DicomTag.ReferencedSOPClassUID);
        string? instance = sop?.GetString(DicomTag.ReferencedSOPInstanceUID);
        if (sop is null || sopClass is null || instance is null)
        {
            return null;
        }

        int? segment = sop.TryGetInt32(DicomTag.ReferencedSegmentNumber, out int s) ? s : null;
        return new ContentReference(sopClass, instance, segment);
    }

    private static ContentValueType ParseValueType(string? text) => text switch
    {
        "CONTAINER" => ContentValueType.Container,
        "TEXT" => ContentValueType.Text,
        "CODE" => ContentValueType.Code,
        "NUM" => ContentValueType.Num,
        "UIDREF" => ContentValueType.UidRef,
        "DATETIME" => ContentValueType.DateTime,
        "DATE" => ContentValueType.Date,
        "TIME" => ContentValueType.Time,
        "PNAME" => ContentValueType.PName,
        "IMAGE" => ContentValueType.Image,
        "COMPOSITE" => ContentValueType.Composite,
        _ => ContentValueType.Other,
    };

    private static RelationshipType? ParseRelationship(string? text) => text switch
    {
        "CONTAINS" => RelationshipType.Contains,
        "HAS PROPERTIES" => RelationshipType.HasProperties,
        "HAS OBS CONTEXT" => RelationshipType.HasObsContext,
        "HAS ACQ CONTEXT" => RelationshipType.HasAcqContext,
        "HAS CONCEPT MOD" => RelationshipType.HasConceptMod,
        "INFERRED FROM" => RelationshipType.InferredFrom,
        "SELECTED FROM" => RelationshipType.SelectedFrom,
        _ => null,
    };
}
