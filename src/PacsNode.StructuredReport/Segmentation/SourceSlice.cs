namespace PacsNode.StructuredReport.Segmentation;

/// <summary>One PET slice of the grid: its ImagePositionPatient (x, y, z mm) and the image it came from.</summary>
public sealed record SourceSlice(double X, double Y, double Z, string SopClassUid, string SopInstanceUid);
