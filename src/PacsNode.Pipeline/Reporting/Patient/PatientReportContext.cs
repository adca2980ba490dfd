using PacsNode.Dicom.Data;
using PacsNode.StructuredReport.Documents;
using PacsNode.StructuredReport.Tid1500;

namespace PacsNode.Pipeline.Reporting.Patient;

/// <summary>Everything about one patient report version that does not come from the assessment itself.</summary>
public sealed record PatientReportContext
{
    /// <summary>A PET header of each assessed study, by StudyInstanceUID (Patient and Study modules of the report).</summary>
    public required IReadOnlyDictionary<string, DicomDataset> StudyHeaders { get; init; }

    /// <summary>The stored per-series reports, by PET SeriesInstanceUID; a series without one is simply not referenced.</summary>
    public IReadOnlyDictionary<string, SeriesReport> SeriesReports { get; init; } = new Dictionary<string, SeriesReport>();

    /// <summary>The readers' SRs HER2-PET classes may come from; those a lesion's class came from go into the evidence.</summary>
    public IReadOnlyList<SopReference> ReaderReports { get; init; } = [];

    /// <summary>The version: 1, then the predecessor's Instance Number + 1.</summary>
    public int InstanceNumber { get; init; } = 1;

    public required DateTimeOffset ContentDateTime { get; init; }

    public required ReportDevice Device { get; init; }

    public required AlgorithmIdentification Algorithm { get; init; }

    public IReadOnlyList<SopReference> Predecessors { get; init; } = [];

    public int SeriesNumber { get; init; } = 9003;
}
