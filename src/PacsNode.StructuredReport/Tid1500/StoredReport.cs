using PacsNode.StructuredReport.Content;
using PacsNode.StructuredReport.Documents;

namespace PacsNode.StructuredReport.Tid1500;

/// <summary>
/// What Tid1500Reader reads back from a TID 1500 SR (ours or anyone's): identity, history, the
/// not-quantified reason if any, algorithm, notes and every measurement group. Absent items are null or empty.
/// </summary>
public sealed record StoredReport
{
    public required string SopInstanceUid { get; init; }

    public string? SeriesInstanceUid { get; init; }

    public string? StudyInstanceUid { get; init; }

    /// <summary>Content Date/Time, with the Timezone Offset From UTC when the object has one (else taken as UTC).</summary>
    public DateTimeOffset? ContentDateTime { get; init; }

    /// <summary>The root container's concept, e.g. (126000, DCM, "Imaging Measurement Report").</summary>
    public required Code DocumentTitle { get; init; }

    public Code? ProcedureReported { get; init; }

    public IReadOnlyList<SopReference> Predecessors { get; init; } = [];

    public NotQuantifiedReason? NotQuantified { get; init; }

    /// <summary>TID 4019 of the first group that has one, else the document-level one of a not-quantified report.</summary>
    public AlgorithmIdentification? Algorithm { get; init; }

    public IReadOnlyList<string> Notes { get; init; } = [];

    public IReadOnlyList<QualitativeEvaluation> Evaluations { get; init; } = [];

    public IReadOnlyList<StoredMeasurementGroup> Groups { get; init; } = [];
}
