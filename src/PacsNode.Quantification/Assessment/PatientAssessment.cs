namespace PacsNode.Quantification.Assessment;

/// <summary>
/// The patient-level assessment (issue 6): the visits, the alignments, every tracked lesion with its HER2-PET and EORTC
/// results, the HER2-PET pattern, PERCIST and the ZEPHIR group. Missing visits make it partial: <see cref="Missing"/>
/// says what is missing and the parts that need it are null.
/// </summary>
public sealed record PatientAssessment
{
    public required string PatientId { get; init; }

    public required VisitAssignment Visits { get; init; }

    /// <summary>The alignment of each study to the baseline, by StudyInstanceUID.</summary>
    public required IReadOnlyDictionary<string, RigidAlignment> Alignments { get; init; }

    public required IReadOnlyList<TrackedLesion> Lesions { get; init; }

    /// <summary>RMS distance of the matched lesions after alignment, mm; null without matches.</summary>
    public double? LesionResidualRmsMm { get; init; }

    /// <summary>The largest such distance, mm.</summary>
    public double? LesionResidualMaxMm { get; init; }

    public Her2PatientResult? Her2 { get; init; }

    public PercistResult? Percist { get; init; }

    public ZephirResult? Zephir { get; init; }

    public required IReadOnlyList<string> Missing { get; init; }

    public bool IsComplete => Missing.Count == 0;

    public required IReadOnlyList<string> Notes { get; init; }

    public required AssessmentOptions Options { get; init; }
}
