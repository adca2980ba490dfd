namespace PacsNode.Quantification.Assessment;

/// <summary>
/// A reader's visual HER2-PET class for one lesion (DOMAIN.md section 5), as read from a reader's SR: it replaces the
/// class the node proposes for the tracked lesion with this <see cref="TrackingUid"/> (first) or
/// <see cref="TrackingIdentifier"/> (ordinal).
/// </summary>
/// <param name="TrackingUid">The lesion's Tracking Unique Identifier, when the reader gave it.</param>
/// <param name="TrackingIdentifier">The lesion's Tracking Identifier, when the reader gave it.</param>
/// <param name="Class">The visual class, 1 to 4 (1–2 negative, 3–4 positive).</param>
/// <param name="Observer">Who classified it (the SR's person observer, author or verifying observer), as text.</param>
/// <param name="SourceSopInstanceUid">The SOP Instance UID of the reader's SR.</param>
/// <param name="ContentDateTime">The SR's Content Date/Time: of two classes for one lesion the later wins.</param>
public sealed record ReaderHer2Class(
    string? TrackingUid, string? TrackingIdentifier, int Class, string Observer, string SourceSopInstanceUid, DateTimeOffset? ContentDateTime)
{
    public int Class { get; } = Class is >= 1 and <= 4
        ? Class
        : throw new ArgumentOutOfRangeException(nameof(Class), Class, "a HER2-PET class is 1 to 4");
}
