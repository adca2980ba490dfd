namespace PacsNode.Quantification.Assessment;

/// <summary>
/// A reader's tracking of a VOI (from an RTSTRUCT or SEG: SEG Tracking ID/UID, or what the pipeline takes as such).
/// VOIs of two studies with the same <see cref="Identifier"/> are the same lesion, whatever their positions.
/// </summary>
/// <param name="Identifier">Tracking Identifier, compared ordinally.</param>
/// <param name="Uid">Tracking Unique Identifier, used when given (the first study's wins).</param>
public sealed record ReaderTracking(string Identifier, string? Uid);
