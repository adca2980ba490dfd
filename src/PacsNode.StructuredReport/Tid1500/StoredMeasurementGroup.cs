using PacsNode.StructuredReport.Content;

namespace PacsNode.StructuredReport.Tid1500;

/// <summary>One Measurement Group (125007, DCM) as read back; items the group does not have are null or empty.</summary>
public sealed record StoredMeasurementGroup
{
    public string? TrackingIdentifier { get; init; }

    public string? TrackingUid { get; init; }

    public Code? Finding { get; init; }

    public Code? FindingSite { get; init; }

    public string? TimePoint { get; init; }

    public SegmentReference? Segment { get; init; }

    public string? SourceSeriesInstanceUid { get; init; }

    public Code? MeasurementMethod { get; init; }

    public AlgorithmIdentification? Algorithm { get; init; }

    public IReadOnlyList<Measurement> Measurements { get; init; } = [];

    public IReadOnlyList<QualitativeEvaluation> Evaluations { get; init; } = [];

    /// <summary>The first measurement with this concept and derivation (null derivation: one without any), or null.</summary>
    public Measurement? Find(Code concept, Code? derivation)
    {
        ArgumentNullException.ThrowIfNull(concept);
        foreach (Measurement m in Measurements)
        {
            bool derivationMatches = derivation is null ? m.Derivation is null : m.Derivation is not null && m.Derivation.Is(derivation);
            if (m.Concept.Is(concept) && derivationMatches)
            {
                return m;
            }
        }

        return null;
    }
}
