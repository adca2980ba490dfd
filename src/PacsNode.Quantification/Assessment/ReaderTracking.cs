using PacsNode.Quantification.Lesions;
using PacsNode.Quantification.Vois;

namespace PacsNode.Quantification.Assessment;

/// <summary>
/// A reader's tracking of a VOI (from an RTSTRUCT or SEG: SEG Tracking ID/UID, or what the pipeline takes as such).
/// VOIs of two studies with the same <see cref="Identifier"/> are the same lesion, whatever their positions.
/// </summary>
/// <param name="Identifier">Tracking Identifier, compared ordinally.</param>
/// <param name="Uid">Tracking Unique Identifier, used when given (the first study's wins).</param>
public sealed record ReaderTracking(string Identifier, string? Uid)
{
    /// <summary>
    /// The one rule for a reader VOI's tracking, used by the per-series report and the patient assessment alike: the
    /// SEG segment's Tracking ID, else its Segment Label or the RTSTRUCT ROI Name (trimmed), else the VOI id ("S2",
    /// "R1"); the UID is the SEG's Tracking UID when it gave one, else null (the caller derives one).
    /// </summary>
    public static ReaderTracking Of(Voi voi)
    {
        ArgumentNullException.ThrowIfNull(voi);
        string identifier = voi.TrackingIdentifier ?? (voi.Name.Trim() is { Length: > 0 } name ? name : voi.Id);
        return new ReaderTracking(identifier, voi.TrackingUid);
    }

    /// <summary>The tracking of every reader-defined VOI of a quantification by VOI id (automatic lesions have none).</summary>
    public static IReadOnlyDictionary<string, ReaderTracking> Of(IEnumerable<MeasuredVoi> vois)
    {
        ArgumentNullException.ThrowIfNull(vois);
        return vois.Where(v => v.Voi.Source != VoiSource.Auto).ToDictionary(v => v.Voi.Id, v => Of(v.Voi), StringComparer.Ordinal);
    }
}
