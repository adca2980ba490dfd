namespace PacsNode.Pipeline.Reporting.Patient;

/// <summary>
/// The stored versions of a patient's report: the current one is the one no other version names as its predecessor
/// (ties: the highest Instance Number), as for the per-series reports.
/// </summary>
internal sealed class PatientReportVersions
{
    private readonly IReadOnlyList<PatientReportVersion> _versions;

    public PatientReportVersions(IReadOnlyList<PatientReportVersion> versions)
    {
        _versions = versions;
        var superseded = new HashSet<string>(versions.SelectMany(v => v.Predecessors), StringComparer.Ordinal);
        Current = versions.Where(v => !superseded.Contains(v.Reference.SopInstanceUid))
            .OrderByDescending(v => v.InstanceNumber)
            .FirstOrDefault();
        HighestInstanceNumber = versions.Count == 0 ? 0 : versions.Max(v => v.InstanceNumber);
    }

    public PatientReportVersion? Current { get; }

    public int HighestInstanceNumber { get; }

    public IEnumerable<string> SopInstanceUids => _versions.Select(v => v.Reference.SopInstanceUid);

    public int InstanceNumberOf(string sopInstanceUid) =>
        _versions.FirstOrDefault(v => string.Equals(v.Reference.SopInstanceUid, sopInstanceUid, StringComparison.Ordinal))?.InstanceNumber ?? 0;
}
