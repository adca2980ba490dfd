namespace PacsNode.StructuredReport.Tid1500;

/// <summary>A segment of a Segmentation instance (an IMAGE reference with Referenced Segment Number).</summary>
public sealed record SegmentReference(string SopClassUid, string SopInstanceUid, int SegmentNumber);
