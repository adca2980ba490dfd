namespace PacsNode.Quantification.Assessment;

/// <summary>Which study plays which visit, the rule that decided it, and what is missing.</summary>
public sealed record VisitAssignment
{
    public StudyQuantification? Baseline { get; init; }

    public StudyQuantification? Her2Pet { get; init; }

    public StudyQuantification? FollowUp { get; init; }

    /// <summary>Every study given, with its role (unassigned ones included).</summary>
    public required IReadOnlyList<(StudyQuantification Study, VisitRole Role)> Studies { get; init; }

    /// <summary>The rule applied, in words.</summary>
    public required string Rule { get; init; }

    /// <summary>The visits that are missing, each saying what was looked for.</summary>
    public required IReadOnlyList<string> Missing { get; init; }

    public required IReadOnlyList<string> Notes { get; init; }
}
