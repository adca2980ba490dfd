namespace PacsNode.Pipeline;

/// <summary>One claimed job, as a processor sees it.</summary>
/// <param name="Id">The job row's id (stable across restarts).</param>
/// <param name="Kind">What to do.</param>
/// <param name="StudyInstanceUid">The study of the series.</param>
/// <param name="SeriesInstanceUid">The series that became ready: the PET series for <see cref="JobKind.SeriesReport"/>,
/// the RTSTRUCT/SEG series for <see cref="JobKind.ReaderVois"/>, the SR series for <see cref="JobKind.ReaderHer2"/>.</param>
/// <param name="SopInstanceUid">For <see cref="JobKind.ReaderVois"/>: the RTSTRUCT or SEG instance; for <see cref="JobKind.ReaderHer2"/>: the SR; null otherwise.</param>
/// <param name="Fingerprint">The input fingerprint (lower-case hex SHA-256): for a series report over the sorted SOP
/// Instance UIDs of the series in the index when it became ready, for reader VOIs over the instance's UID. Result UIDs
/// derived from it are the same on every attempt, so a re-run after a crash stores the same instances again.</param>
/// <param name="Attempt">1 on the first run, 2 on the first retry, …</param>
/// <param name="CallingAeTitle">The calling AE title of the association that delivered the series' last instance,
/// or null when unknown (a series found by the startup scan).</param>
public sealed record PipelineJob(
    long Id,
    JobKind Kind,
    string StudyInstanceUid,
    string SeriesInstanceUid,
    string? SopInstanceUid,
    string Fingerprint,
    int Attempt,
    string? CallingAeTitle);
