using PacsNode.StructuredReport.Content;
using PacsNode.StructuredReport.Documents;

namespace PacsNode.StructuredReport.Tid1500;

/// <summary>
/// Everything one TID 1500 Imaging Measurement Report holds (DOMAIN.md section 6), given by the caller: no clock,
/// no UID generation and no defaults that depend on the environment inside the writer. When
/// <see cref="NotQuantified"/> is set the report says why the series could not be quantified and must have no
/// measurement groups.
/// </summary>
public sealed record MeasurementReport
{
    public required ReportSubject Subject { get; init; }

    public required DocumentIdentity Document { get; init; }

    /// <summary>Content Date/Time of the report (and Instance Creation Date/Time).</summary>
    public required DateTimeOffset ContentDateTime { get; init; }

    public required ReportDevice Device { get; init; }

    public required AlgorithmIdentification Algorithm { get; init; }

    /// <summary>Procedure reported (121058, DCM), CID 100; <see cref="Concepts.PetWholeBody"/> for a whole-body PET/CT.</summary>
    public required Code ProcedureReported { get; init; }

    /// <summary>TID 1600 Image Library: one group per referenced series (PET, and CT when given).</summary>
    public IReadOnlyList<ImageLibraryGroup> ImageLibrary { get; init; } = [];

    /// <summary>TID 1411 Volumetric ROI Measurement Groups, one per lesion and reference region.</summary>
    public IReadOnlyList<MeasurementGroup> Groups { get; init; } = [];

    /// <summary>Document-level qualitative evaluations (patient HER2-PET pattern, PERCIST category …).</summary>
    public IReadOnlyList<QualitativeEvaluation> Evaluations { get; init; } = [];

    /// <summary>Free-text notes (detection notes, conversions made), written as Comment (121106, DCM) TEXT items.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The instances the report was made from (PET, CT, SEG): the Current Requested Procedure Evidence Sequence.</summary>
    public IReadOnlyList<SopReference> Evidence { get; init; } = [];

    /// <summary>Earlier versions of this report that this one replaces: the Predecessor Documents Sequence.</summary>
    public IReadOnlyList<SopReference> Predecessors { get; init; } = [];

    /// <summary>
    /// Private coding schemes used in the report. <see cref="CodingSchemeDeclaration.PacsNode"/> is added by the
    /// writer whenever a 99PACSNODE code is used and it is not listed here.
    /// </summary>
    public IReadOnlyList<CodingSchemeDeclaration> PrivateCodingSchemes { get; init; } = [];

    /// <summary>Set for the "not quantified" variant: why no measurements could be made.</summary>
    public NotQuantifiedReason? NotQuantified { get; init; }
}
