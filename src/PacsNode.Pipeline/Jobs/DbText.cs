using System.Globalization;

namespace PacsNode.Pipeline.Jobs;

/// <summary>How the job tables spell times and states.</summary>
internal static class DbText
{
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    /// <summary>UTC, microseconds, sortable as text; the same form as <c>instance.received_at</c>.</summary>
    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.ParseExact(text, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static string State(JobState state) => state switch
    {
        JobState.Pending => "pending",
        JobState.Running => "running",
        JobState.Done => "done",
        JobState.Failed => "failed",
        JobState.Parked => "parked",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    public static JobState ParseState(string text) => text switch
    {
        "pending" => JobState.Pending,
        "running" => JobState.Running,
        "done" => JobState.Done,
        "failed" => JobState.Failed,
        "parked" => JobState.Parked,
        _ => throw new FormatException($"unknown job state '{text}'"),
    };
}
