namespace PacsNode.Pipeline.Jobs;

/// <summary>One forward delivery row as <c>pacsnode jobs</c> shows it; parked ones are the dead-letter list.</summary>
public sealed record DeliveryRecord(
    long Id,
    long JobId,
    string DestinationAeTitle,
    JobState State,
    int Attempts,
    DateTimeOffset NextAttemptAt,
    string? LastError,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
