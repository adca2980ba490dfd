using PacsNode.StructuredReport.Documents;

namespace PacsNode.Pipeline.Reporting;

/// <summary>
/// The UIDs of one report version: one SR series and one SEG series per PET series (every version of the report on that
/// series goes into them), and the SR and SEG instances of this version, derived from the PET series and the inputs
/// (the sorted PET SOP Instance UIDs, the reader's RTSTRUCT/SEG if any), so that the same inputs always give the same
/// instances.
/// </summary>
internal sealed record ReportIdentities(string SrSeriesUid, string SegSeriesUid, string SrInstanceUid, string SegInstanceUid)
{
    public static ReportIdentities For(string petSeriesUid, string inputKey) => new(
        DerivedUid.Create("pacsnode-sr-series", petSeriesUid),
        DerivedUid.Create("pacsnode-seg-series", petSeriesUid),
        DerivedUid.Create("pacsnode-sr", petSeriesUid, inputKey),
        DerivedUid.Create("pacsnode-seg", petSeriesUid, inputKey));

    /// <summary>The Tracking Unique Identifier of a VOI of this PET series' reports (the same in every version).</summary>
    public static string TrackingUid(string petSeriesUid, string trackingIdentifier) =>
        DerivedUid.Create("pacsnode-tracking", petSeriesUid, trackingIdentifier);
}
