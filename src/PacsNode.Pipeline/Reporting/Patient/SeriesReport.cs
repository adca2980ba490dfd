using PacsNode.StructuredReport.Documents;
using PacsNode.StructuredReport.Tid1500;

namespace PacsNode.Pipeline.Reporting.Patient;

/// <summary>
/// The current version of one PET series' own report, as stored: the SR, the SEG its groups reference (when it has
/// one), and the SR read back. The patient report lists both in its evidence and references the SEG's segments.
/// </summary>
public sealed record SeriesReport(SopReference Sr, SopReference? Seg, StoredReport Report);
