using PacsNode.StructuredReport.Content;

namespace PacsNode.StructuredReport.Tid1500;

/// <summary>
/// One TID 1411 Volumetric ROI Measurement Group (125007, DCM): a lesion ("L1", "L2" …) or a reference region
/// ("LIVER") with its segment in the SEG and its measurements (TID 1419).
/// </summary>
public sealed record MeasurementGroup
{
    /// <summary>Tracking Identifier (112039, DCM), stable across a patient's studies.</summary>
    public required string TrackingIdentifier { get; init; }

    /// <summary>Tracking Unique Identifier (112040, DCM), the same UID for the same lesion in every study.</summary>
    public required string TrackingUid { get; init; }

    /// <summary>Finding (121071, DCM), e.g. <see cref="Concepts.Lesion"/>.</summary>
    public required Code Finding { get; init; }

    /// <summary>Finding Site (363698007, SCT), e.g. <see cref="Concepts.Liver"/> for the reference region.</summary>
    public Code? FindingSite { get; init; }

    /// <summary>Time Point (C2348792, UMLS) text, e.g. "baseline".</summary>
    public string? TimePoint { get; init; }

    /// <summary>
    /// Referenced Segment (121191, DCM): the VOI of this group in the SEG. Optional (TID 1411 makes it MC): a patient-level
    /// group measured in a VOI carried over from another study has no segment of its own.
    /// </summary>
    public SegmentReference? Segment { get; init; }

    /// <summary>Source series for segmentation (121232, DCM): the PET series the VOI was drawn on.</summary>
    public required string SourceSeriesInstanceUid { get; init; }

    /// <summary>Measurement Method (370129005, SCT), e.g. <see cref="Concepts.SuvBodyWeightMethod"/>.</summary>
    public Code? MeasurementMethod { get; init; }

    public required IReadOnlyList<Measurement> Measurements { get; init; }

    /// <summary>Per-group qualitative evaluations (HER2-PET class, EORTC category …).</summary>
    public IReadOnlyList<QualitativeEvaluation> Evaluations { get; init; } = [];
}
