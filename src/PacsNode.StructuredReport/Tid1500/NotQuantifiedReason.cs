namespace PacsNode.StructuredReport.Tid1500;

/// <summary>
/// Why a series has no measurements: the pipeline stage that stopped (e.g. "Suv"), the reason (e.g.
/// "MissingAttribute") and the full message (e.g. "SUV not computable: MissingAttribute: PatientWeight …").
/// </summary>
public sealed record NotQuantifiedReason(string Stage, string Reason, string Message);
