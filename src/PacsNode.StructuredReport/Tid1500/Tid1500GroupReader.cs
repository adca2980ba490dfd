using PacsNode.StructuredReport.Content;

namespace PacsNode.StructuredReport.Tid1500;

/// <summary>
/// Reads one Measurement Group (TID 1411, and the same items of TID 1410/1501). Accepts the retired SRT codes for
/// Measurement Method (G-C036) and Finding Site (G-C0E3) that older writers (dcmqi) still use.
/// </summary>
internal static class Tid1500GroupReader
{
    private static readonly Code LegacyMeasurementMethod = new("G-C036", "SRT", "Measurement Method");
    private static readonly Code LegacyFindingSite = new("G-C0E3", "SRT", "Finding Site");

    public static StoredMeasurementGroup Read(ContentItem group)
    {
        ContentItem? segment = group.Child(Concepts.ReferencedSegment);
        ContentReference? reference = segment?.Reference;
        return new StoredMeasurementGroup
        {
            TrackingIdentifier = group.Child(Concepts.TrackingIdentifier)?.Text,
            TrackingUid = group.Child(Concepts.TrackingUniqueIdentifier)?.Text,
            Finding = group.Child(Concepts.Finding)?.CodeValue,
            FindingSite = (group.Child(Concepts.FindingSite) ?? group.Child(LegacyFindingSite))?.CodeValue,
            TimePoint = group.Child(Concepts.TimePoint)?.Text,
            Segment = reference is { SegmentNumber: { } number }
                ? new SegmentReference(reference.SopClassUid, reference.SopInstanceUid, number)
                : null,
            SourceSeriesInstanceUid = group.Child(Concepts.SourceSeriesForSegmentation)?.Text,
            MeasurementMethod = (group.Child(Concepts.MeasurementMethod) ?? group.Child(LegacyMeasurementMethod))?.CodeValue,
            Algorithm = Algorithm(group),
            Measurements = [.. group.Children.Where(c => c is { ValueType: ContentValueType.Num, Relationship: RelationshipType.Contains }).Select(Measurement).OfType<Measurement>()],
            Evaluations = Evaluations(group, Concepts.Finding),
        };
    }

    /// <summary>TID 4019 items among the children, or null when there is no Algorithm Name.</summary>
    public static AlgorithmIdentification? Algorithm(ContentItem parent)
    {
        string? name = parent.Child(Concepts.AlgorithmName)?.Text;
        if (name is null)
        {
            return null;
        }

        var parameters = new List<AlgorithmParameter>();
        foreach (string text in parent.ChildrenWith(Concepts.AlgorithmParameters).Select(c => c.Text).OfType<string>())
        {
            int equals = text.IndexOf('=', StringComparison.Ordinal);
            parameters.Add(equals < 0 ? new AlgorithmParameter(text, string.Empty) : new AlgorithmParameter(text[..equals], text[(equals + 1)..]));
        }

        return new AlgorithmIdentification(name, parent.Child(Concepts.AlgorithmVersion)?.Text ?? string.Empty, parameters);
    }

    /// <summary>CONTAINS CODE children other than <paramref name="excluded"/>: the qualitative evaluations.</summary>
    public static IReadOnlyList<QualitativeEvaluation> Evaluations(ContentItem parent, Code excluded) =>
    [
        .. parent.Children
            .Where(c => c is { ValueType: ContentValueType.Code, Relationship: RelationshipType.Contains, Concept: not null, CodeValue: not null } && !c.Concept.Is(excluded))
            .Select(c => new QualitativeEvaluation(c.Concept!, c.CodeValue!)),
    ];

    private static Measurement? Measurement(ContentItem num)
    {
        if (num.Concept is null || num.Number is not { } value || num.Unit is null)
        {
            return null;
        }

        return new Measurement(num.Concept, num.Child(Concepts.Derivation)?.CodeValue, value, num.Unit);
    }
}
