using PacsNode.StructuredReport.Content;

namespace PacsNode.StructuredReport.Segmentation;

/// <summary>
/// One segment (PS3.3 C.8.20.2 Segment Description Macro) and its voxels as linear indices x + Columns·(y + Rows·z)
/// on the <see cref="SegmentationGeometry"/>, z being the position in its slice list.
/// </summary>
public sealed record SegmentDefinition
{
    /// <summary>Segment Number, 1… and unique within the instance.</summary>
    public required int Number { get; init; }

    public required string Label { get; init; }

    /// <summary>Segmented Property Category (CID 7150), e.g. <see cref="Concepts.MorphologicallyAlteredStructure"/>.</summary>
    public required Code Category { get; init; }

    /// <summary>Segmented Property Type (CID 7151), e.g. <see cref="Concepts.Mass"/> or <see cref="Concepts.Liver"/>.</summary>
    public required Code Type { get; init; }

    public required SegmentAlgorithmType AlgorithmType { get; init; }

    /// <summary>Segment Algorithm Name; required unless the type is <see cref="SegmentAlgorithmType.Manual"/>.</summary>
    public string? AlgorithmName { get; init; }

    public string? AlgorithmVersion { get; init; }

    /// <summary>Tracking ID (0062,0020), e.g. "L1", the same as the SR group's Tracking Identifier.</summary>
    public string? TrackingId { get; init; }

    /// <summary>Tracking UID (0062,0021), the same as the SR group's Tracking Unique Identifier.</summary>
    public string? TrackingUid { get; init; }

    public required IReadOnlyList<int> Voxels { get; init; }
}
