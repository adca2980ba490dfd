namespace PacsNode.StructuredReport.Content;

/// <summary>
/// One node of an SR content tree (PS3.3 C.17.3): value type, concept name, relationship to its parent (null for the
/// root) and the value for its type, with its children. Immutable; build with the factory methods.
/// </summary>
public sealed record ContentItem
{
    public required ContentValueType ValueType { get; init; }

    public RelationshipType? Relationship { get; init; }

    /// <summary>Concept Name Code Sequence; may be null for IMAGE items of an image library.</summary>
    public Code? Concept { get; init; }

    /// <summary>TEXT, UIDREF, DATETIME, DATE, TIME and PNAME values, as their DICOM text.</summary>
    public string? Text { get; init; }

    /// <summary>CODE value (Concept Code Sequence).</summary>
    public Code? CodeValue { get; init; }

    /// <summary>NUM value; null for a NUM without a measured value.</summary>
    public double? Number { get; init; }

    /// <summary>NUM Measurement Units Code Sequence.</summary>
    public Code? Unit { get; init; }

    public ContentReference? Reference { get; init; }

    /// <summary>A container's Content Template Sequence (DCMR template identifier), e.g. "1500"; null when none.</summary>
    public string? TemplateIdentifier { get; init; }

    public IReadOnlyList<ContentItem> Children { get; init; } = [];

    public static ContentItem Container(RelationshipType? relationship, Code concept, IReadOnlyList<ContentItem> children, string? template = null) =>
        new() { ValueType = ContentValueType.Container, Relationship = relationship, Concept = concept, Children = children, TemplateIdentifier = template };

    public static ContentItem TextItem(RelationshipType relationship, Code concept, string text) =>
        new() { ValueType = ContentValueType.Text, Relationship = relationship, Concept = concept, Text = text };

    public static ContentItem CodeItem(RelationshipType relationship, Code concept, Code value) =>
        new() { ValueType = ContentValueType.Code, Relationship = relationship, Concept = concept, CodeValue = value };

    public static ContentItem Num(RelationshipType relationship, Code concept, double value, Code unit, IReadOnlyList<ContentItem>? children = null) =>
        new() { ValueType = ContentValueType.Num, Relationship = relationship, Concept = concept, Number = value, Unit = unit, Children = children ?? [] };

    public static ContentItem UidRef(RelationshipType relationship, Code concept, string uid) =>
        new() { ValueType = ContentValueType.UidRef, Relationship = relationship, Concept = concept, Text = uid };

    public static ContentItem DateTimeItem(RelationshipType relationship, Code concept, string dicomDateTime) =>
        new() { ValueType = ContentValueType.DateTime, Relationship = relationship, Concept = concept, Text = dicomDateTime };

    public static ContentItem Image(RelationshipType relationship, Code? concept, ContentReference reference) =>
        new() { ValueType = ContentValueType.Image, Relationship = relationship, Concept = concept, Reference = reference };

    public static ContentItem Composite(RelationshipType relationship, Code concept, ContentReference reference) =>
        new() { ValueType = ContentValueType.Composite, Relationship = relationship, Concept = concept, Reference = reference };

    /// <summary>The children with this concept (any relationship), in order.</summary>
    public IEnumerable<ContentItem> ChildrenWith(Code concept)
    {
        ArgumentNullException.ThrowIfNull(concept);
        return Children.Where(c => c.Concept is not null && c.Concept.Is(concept));
    }

    /// <summary>The first child with this concept, or null.</summary>
    public ContentItem? Child(Code concept) => ChildrenWith(concept).FirstOrDefault();
}
