using PacsNode.StructuredReport.Documents;

namespace PacsNode.Pipeline.Reporting.Patient;

/// <summary>The patient report version an assessment gave: its reference, its version number, and whether it was already stored.</summary>
public sealed record PatientReportOutcome(SopReference Report, int Version, bool AlreadyStored);
