using PacsNode.Dicom.Data;
using PacsNode.StructuredReport.Documents;
using PacsNode.StructuredReport.Tid1500;

namespace PacsNode.Pipeline.Reporting;

/// <summary>Everything about one report version that does not come from the quantification itself.</summary>
internal sealed record ReportContext
{
    /// <summary>A header of the PET series (Patient, Study, radiopharmaceutical).</summary>
    public required DicomDataset PetHeader { get; init; }

    public required IReadOnlyList<SopReference> PetInstances { get; init; }

    /// <summary>The CT series of the same frame of reference, when the study has one.</summary>
    public IReadOnlyList<SopReference> CtInstances { get; init; } = [];

    public string? CtFrameOfReferenceUid { get; init; }

    /// <summary>The reader's RTSTRUCT or SEG whose VOIs were measured; null for automatic detection.</summary>
    public SopReference? ReaderVois { get; init; }

    public required ReportIdentities Identities { get; init; }

    /// <summary>The version: 1, then the predecessor's Instance Number + 1.</summary>
    public required int InstanceNumber { get; init; }

    public required DateTimeOffset ContentDateTime { get; init; }

    public required ReportDevice Device { get; init; }

    public required AlgorithmIdentification Algorithm { get; init; }

    public IReadOnlyList<SopReference> Predecessors { get; init; } = [];

    public int SrSeriesNumber { get; init; } = 9001;

    public int SegSeriesNumber { get; init; } = 9002;
}
