using PacsNode.Quantification.Volume;

namespace PacsNode.Quantification.Assessment;

/// <summary>A lesion to match: its position (VOI centroid, in its own study's frame) and the reader's identifier, if any.</summary>
public sealed record LesionPosition(PatientVector PositionMm, string? ReaderIdentifier = null);
