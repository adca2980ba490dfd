using PacsNode.StructuredReport.Content;
using PacsNode.StructuredReport.Tid1500;

namespace PacsNode.Host.Results;

/// <summary>One line of the <c>results</c> table: the DOMAIN.md section 6 numbers of one measurement group, null when absent.</summary>
internal sealed record LesionRow(
    string TrackingId, string? TrackingUid, double? SuvMax, double? SuvMean, double? SuvPeak, double? SulPeak,
    double? MtvMl, double? TlgG, double? Lbr, SegmentReference? Segment)
{
    public static LesionRow From(StoredMeasurementGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return new LesionRow(
            group.TrackingIdentifier ?? "?",
            group.TrackingUid,
            group.Find(Concepts.SuvBw, Concepts.Maximum)?.Value,
            group.Find(Concepts.SuvBw, Concepts.Mean)?.Value,
            group.Find(Concepts.SuvBw, Concepts.PeakValueWithinRoi)?.Value,
            group.Find(Concepts.SuvLbmJanma, Concepts.PeakValueWithinRoi)?.Value,
            group.Find(Concepts.MetabolicVolume, null)?.Value,
            group.Find(Concepts.TotalLesionGlycolysis, null)?.Value,
            group.Find(Concepts.LesionToBackgroundRatio, null)?.Value,
            group.Segment);
    }
}
