using PacsNode.StructuredReport.Documents;

namespace PacsNode.StructuredReport.Segmentation;

/// <summary>
/// Everything one binary Segmentation instance holds: the subject, the new series/instance, the PET grid it lies
/// on, and one segment per VOI.
/// </summary>
public sealed record SegmentationInput
{
    public required ReportSubject Subject { get; init; }

    public required DocumentIdentity Document { get; init; }

    /// <summary>Content Date/Time (and Series / Instance Creation Date/Time).</summary>
    public required DateTimeOffset ContentDateTime { get; init; }

    public required ReportDevice Device { get; init; }

    /// <summary>Content Label (CS: upper case, digits, space, underscore; at most 16 characters).</summary>
    public string ContentLabel { get; init; } = "VOI";

    public string? ContentDescription { get; init; }

    public required SegmentationGeometry Geometry { get; init; }

    public required IReadOnlyList<SegmentDefinition> Segments { get; init; }
}
