namespace PacsNode.StructuredReport.Content;

/// <summary>The instance an IMAGE or COMPOSITE item names (Referenced SOP Sequence), with the segment number for a SEG.</summary>
public sealed record ContentReference(string SopClassUid, string SopInstanceUid, int? SegmentNumber = null);
