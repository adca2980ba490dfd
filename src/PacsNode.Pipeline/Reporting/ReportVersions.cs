using PacsNode.StructuredReport.Documents;

namespace PacsNode.Pipeline.Reporting;

/// <summary>The stored versions of a report: every SOP Instance UID, the current one, and the highest Instance Number.</summary>
internal sealed record ReportVersions(IReadOnlyList<string> SopInstanceUids, SopReference? Current, int HighestInstanceNumber)
{
    public bool Contains(string sopInstanceUid) => SopInstanceUids.Contains(sopInstanceUid, StringComparer.Ordinal);
}
