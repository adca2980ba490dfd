namespace PacsNode.Pipeline.Jobs;

/// <summary>One job row as <c>pacsnode jobs</c> shows it.</summary>
public sealed record JobRecord(
    long Id,
    string Kind,
    string StudyInstanceUid,
    string SeriesInstanceUid,
    string? SopInstanceUid,
    string? CallingAeTitle,
    string Fingerprint,
    JobState State,
    int Attempts,
    DateTimeOffset NextAttemptAt,
    string? LastError,
    string? Summary,
    IReadOnlyList<string> ResultInstanceUids,
    IReadOnlyList<KeyValuePair<string, double>> TimingsMs,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
