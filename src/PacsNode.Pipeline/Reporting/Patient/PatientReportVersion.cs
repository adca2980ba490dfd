using PacsNode.StructuredReport.Documents;

namespace PacsNode.Pipeline.Reporting.Patient;

/// <summary>One stored version of a patient report: where it is, its Instance Number, and the versions it replaces.</summary>
internal sealed record PatientReportVersion(SopReference Reference, string FilePath, int InstanceNumber, IReadOnlyList<string> Predecessors);
