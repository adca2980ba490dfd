using PacsNode.StructuredReport.Tid1500;

namespace PacsNode.Host.Results;

/// <summary>
/// The current report among a study's versions: one that no other report names in its Predecessor Documents
/// Sequence; among several such, the latest Content Date/Time (then the larger SOP Instance UID, ordinally, so the
/// choice is stable).
/// </summary>
internal static class ReportSelection
{
    public static StoredReport? Latest(IReadOnlyList<StoredReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var replaced = new HashSet<string>(
            reports.SelectMany(r => r.Predecessors).Select(p => p.SopInstanceUid), StringComparer.Ordinal);
        return reports
            .Where(r => !replaced.Contains(r.SopInstanceUid))
            .OrderByDescending(r => r.ContentDateTime ?? DateTimeOffset.MinValue)
            .ThenByDescending(r => r.SopInstanceUid, StringComparer.Ordinal)
            .FirstOrDefault();
    }
}
