namespace PacsNode.StructuredReport.Tid1500;

/// <summary>An image referenced by an IMAGE content item.</summary>
public sealed record ImageReference(string SopClassUid, string SopInstanceUid);
